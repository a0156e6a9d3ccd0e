import { ProcessingTimeoutError } from '../report/errors.js';
import { readDocumentLayers } from './readDocumentLayers.js';
import type { DocumentReader } from './readTask.js';

/**
 * A document read in the calling thread: for library use, the CLI on one's own files and
 * READER_WORKERS=0. Nothing caps its memory and nothing stops a parser mid-page; an abort only
 * stops the caller waiting. A service facing uploads reads in child processes (src/isolation).
 */
export const readInThisThread: DocumentReader = {
  read(task, { signal } = {}) {
    if (!signal) return readDocumentLayers(task);
    signal.throwIfAborted();
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new ProcessingTimeoutError('Reading the document was stopped.'));
      signal.addEventListener('abort', onAbort, { once: true });
      readDocumentLayers(task).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  },
};
