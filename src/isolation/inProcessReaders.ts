import { readInThisThread } from '../extract/readInThisThread.js';
import { findElements } from '../fields/findElements.js';
import type { DocumentReaders } from './readerProtocol.js';

/**
 * The readers in the calling thread: for library use and READER_WORKERS=0 (the CLI on one's own
 * files). No memory cap and no way to stop a parser mid-page: a service facing uploads uses the pool.
 */
export const inProcessReaders: DocumentReaders = {
  read: (task, options) => readInThisThread.read(task, options),
  async findElements(letter, { signal } = {}) {
    signal?.throwIfAborted();
    return findElements(letter);
  },
  warm: async () => undefined,
  // The HEIC decoder's thread, if a photo started it here.
  close: async () => (await import('../extract/ocr/decodeHeic.js')).stopHeicDecoder(),
};
