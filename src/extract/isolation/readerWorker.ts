import { parentPort } from 'node:worker_threads';
import { isProblemError } from '../../report/errors.js';
import { readDocumentLayers } from './readDocumentLayers.js';
import type { ReadResult, WorkerReply, WorkerRequest } from './readerProtocol.js';

/**
 * A reader worker: one document at a time, answers by message. Errors leave as a problem code
 * and our own message only: a parser's message may quote the document, so it never crosses over.
 */
function toWire(error: unknown): { code: string; message: string } {
  if (isProblemError(error)) return { code: error.code, message: error.message };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { code: 'DOCUMENT_TOO_COMPLEX', message: 'The document is nested too deeply to read. Export it again from the original.' };
  }
  return { code: 'DOCUMENT_UNREADABLE', message: 'The document could not be read. It may be damaged; export it again from the original.' };
}

// pdf.js and mailparser leave the odd promise of a damaged file unhandled; the task itself has
// already failed and answered, so that must not end the worker for the next document.
process.on('unhandledRejection', () => undefined);

const port = parentPort;
if (!port) throw new Error('readerWorker runs as a worker thread only.');

port.on('message', async ({ id, task }: WorkerRequest) => {
  let reply: WorkerReply;
  const transfer: ArrayBuffer[] = [];
  try {
    if (task.kind === 'fields') {
      const { findElements } = await import('../../fields/findElements.js');
      port.postMessage({ id, ok: true, result: findElements(task.letter) } satisfies WorkerReply);
      return;
    }
    const result: ReadResult = await readDocumentLayers(task);
    for (const page of result.pages) {
      if (!page.scan) continue;
      // A fresh copy owns its whole buffer, so it can be moved to the main thread instead of copied again.
      const copy = new Uint8Array(page.scan);
      page.scan = copy;
      transfer.push(copy.buffer);
    }
    reply = { id, ok: true, result };
  } catch (error) {
    reply = { id, ok: false, error: toWire(error) };
  }
  port.postMessage(reply, transfer);
});
// The parsers load before the worker says it is ready: the watchdog then times documents, not
// module loading, and the first letter costs what every other does.
await Promise.all([import('../readPdf.js'), import('../readDocx.js'), import('../readEmail.js'), import('../readMsg.js'), import('../../fields/findElements.js')]);
port.postMessage({ ready: true });
