import type { DocumentReader, ReadResult, ReadTask } from '../extract/readTask.js';
import type { FoundElements } from '../fields/findElements.js';
import type { Letter } from '../fields/letter.js';

export type { DocumentReader, IsolatedKind, LayerPage, ReaderLimits, ReadResult, ReadTask } from '../extract/readTask.js';

/**
 * The second task a reader takes: finding the elements in the letter's text. The field detectors
 * are regular expressions and loops over text anyone can send; some take quadratic time on
 * repetitive text (10,000 repetitions of "from June 1, 2027 to" kept one busy for minutes), so they
 * run where the deadline can stop them and the service's own thread stays free.
 */
export interface FieldsTask {
  kind: 'fields';
  letter: Letter;
}

/** Whether the readers can take a letter now; a reason a person can act on when not. */
export interface ReadersReadiness {
  ready: boolean;
  reason?: string;
}

/** Where the readers run: a pool of child processes in the service, or this thread (tests, the CLI, READER_WORKERS=0). */
export interface DocumentReaders extends DocumentReader {
  findElements(letter: Letter, options?: { signal?: AbortSignal }): Promise<FoundElements>;
  /** Starts what the readers need (the child processes), so the first request does not pay for it. */
  warm(): Promise<void>;
  /** Waits for the tasks already given, then ends the readers. */
  close(): Promise<void>;
  /** Absent: always ready (the readers in this thread). */
  readiness?(): ReadersReadiness;
}

export type ReaderTask = ReadTask | FieldsTask;
/** Parent to child: one task at a time. */
export type ReaderRequest = { id: number; task: ReaderTask };
/** Child to parent: ready once its parsers are loaded, then one reply per task. */
export type ReaderReply =
  | { ready: true }
  /**
   * `elements`: for a document read from its text layer alone (no page for OCR), the field detectors
   * have run on it in the same task, saving the letter a second trip between the processes.
   */
  | { id: number; ok: true; result: ReadResult | FoundElements; elements?: FoundElements }
  | { id: number; ok: false; error: { code: string; message: string } };
