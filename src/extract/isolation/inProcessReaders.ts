import { findElements } from '../../fields/findElements.js';
import { readDocumentLayers } from './readDocumentLayers.js';
import type { DocumentReaders } from './readerProtocol.js';
import { ProcessingTimeoutError } from './readerErrors.js';

/**
 * The readers in the calling thread: for library use and READER_WORKERS=0 (the CLI on one's own
 * files). No memory cap and no way to stop a parser mid-page: a service facing uploads uses the pool.
 */
export const inProcessReaders: DocumentReaders = {
  read(task, { signal } = {}) {
    if (!signal) return readDocumentLayers(task);
    signal.throwIfAborted();
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new ProcessingTimeoutError('Reading the document was stopped.'));
      signal.addEventListener('abort', onAbort, { once: true });
      readDocumentLayers(task).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  },
  async findElements(letter, { signal } = {}) {
    signal?.throwIfAborted();
    return findElements(letter);
  },
  warm: async () => undefined,
  // The HEIC decoder's thread, if a photo started it here.
  close: async () => (await import('../ocr/decodeHeic.js')).stopHeicDecoder(),
};
