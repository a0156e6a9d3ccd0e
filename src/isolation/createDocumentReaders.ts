import type { Settings } from '../config/settings.js';
import { inProcessReaders } from './inProcessReaders.js';
import { ReaderPool, type ReaderEvent } from './readerPool.js';
import type { DocumentReaders } from './readerProtocol.js';

export type ReaderSettings = Pick<Settings, 'READER_WORKERS' | 'READER_MEMORY_MB' | 'READER_RSS_MB' | 'READER_MAX_TASKS' | 'REQUEST_TIMEOUT_MS'>;

export interface ReaderLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** The readers a checker uses: a pool of capped child processes, or (READER_WORKERS=0) this thread. */
export function createDocumentReaders(settings: ReaderSettings, log?: ReaderLogger): DocumentReaders {
  if (settings.READER_WORKERS === 0) return inProcessReaders;
  return new ReaderPool({
    workers: settings.READER_WORKERS,
    memoryMb: settings.READER_MEMORY_MB,
    rssCeilingMb: settings.READER_RSS_MB,
    maxTasksPerChild: settings.READER_MAX_TASKS,
    taskTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    // What happened to a reader, by cause and size only: never a word of the document.
    onEvent: (event: ReaderEvent) => {
      if (event.type === 'reader_start_failed') log?.error({ reader: event }, 'reader child failed to start');
      else if (event.type === 'reader_ended') log?.warn({ reader: event }, 'reader child ended mid-document and replaced');
    },
  });
}
