export type { DocBlock, DocColumn, DocLang, DocModel } from './document-model.ts'
export { LANG_TAGS } from './document-model.ts'
export { renderDocx } from './docx.ts'
export { renderPdf } from './pdf.ts'
