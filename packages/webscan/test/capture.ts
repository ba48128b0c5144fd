import { Writable } from 'node:stream'

/** A stream that keeps what was written; `isTTY` makes it look like a terminal to the CLI. */
export const capture = (isTTY = false) => {
  const chunks: string[] = []
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk))
        callback()
      },
    }),
    { isTTY },
  )
  return { stream, text: () => chunks.join(''), chunks }
}
