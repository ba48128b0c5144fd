// Entry of a normalising worker thread: the package runs from its TypeScript sources, so the thread
// registers the same loader before it imports the worker's code.
import { register } from 'tsx/esm/api'

register()
await import('./load-worker.ts')
