import type { FastifyBaseLogger } from 'fastify';
import type { CheckOptions } from '../../checker.js';
import type { Batch } from '../../report/index.js';
import type { CheckTicket } from '../admission/checkAdmission.js';
import type { UploadedFile } from '../readUpload.js';

export interface BatchJob {
  batch: Batch;
  letters: UploadedFile[];
  options: CheckOptions;
  /** The letters' places in this process's check queue: released as each letter is checked, or once it has left for the fleet. */
  ticket: CheckTicket;
  requestId: string;
  log: FastifyBaseLogger;
}

/**
 * What gets an accepted batch's letters checked and its callback sent: this process
 * (BatchRunner), or the fleet's queues (src/fleet/fleetDispatcher.ts). The 202 is sent once
 * dispatch() has resolved: for the fleet, once every letter is in Redis.
 */
export interface BatchDispatcher {
  dispatch(job: BatchJob): Promise<void>;
  /** On shutdown: resolves once what this process still owes its batches is done. */
  drain(): Promise<void>;
  /** Batches this process is still working on itself. */
  readonly size: number;
}
