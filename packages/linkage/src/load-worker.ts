import { parentPort, workerData } from 'node:worker_threads'
import { type BatchRequest, createNormaliser, type StoredColumn } from './normalise-batch.ts'

// One normaliser (and its caches) for the life of the thread; batches arrive in order and are answered in order.
const normalise = createNormaliser(workerData.columns as StoredColumn[])
const port = parentPort
if (!port) throw new Error('load-worker.ts runs as a worker thread')
port.on('message', (request: BatchRequest) => {
  port.postMessage({ seq: request.seq, ...normalise(request) })
})
