import type { Settings } from '../../config/settings.js';
import { inProcessReaders } from './inProcessReaders.js';
import { ReaderPool } from './readerPool.js';
import type { DocumentReaders } from './readerProtocol.js';

export type ReaderSettings = Pick<Settings, 'READER_WORKERS' | 'READER_MEMORY_MB' | 'REQUEST_TIMEOUT_MS' | 'MAX_RSS_MB'>;

/** The readers a checker uses: a pool of capped worker threads, or (READER_WORKERS=0) this thread. */
export function createDocumentReaders(settings: ReaderSettings): DocumentReaders {
  if (settings.READER_WORKERS === 0) return inProcessReaders;
  return new ReaderPool({
    workers: settings.READER_WORKERS,
    memoryMb: settings.READER_MEMORY_MB,
    taskTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    maxRssBytes: settings.MAX_RSS_MB * 1024 * 1024,
  });
}
