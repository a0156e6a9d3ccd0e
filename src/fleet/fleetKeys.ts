/**
 * Every name the fleet gives things in Redis, in one place. None carries personal data: batch and
 * job ids are random UUIDs, a client (an API key's id or an address) and an Idempotency-Key appear
 * only as pseudonyms (JobCipher.pseudonym), and job names say what kind of work a job is.
 * Everything lives under one prefix, so that an ACL user can be limited to `~offercheck:*`.
 */
export const PREFIX = 'offercheck';

/** BullMQ queues (its keys are `offercheck:<queue>:...`): letters to read without OCR, letters to OCR, callbacks to deliver. */
export const QUEUES = {
  read: 'read',
  ocr: 'ocr',
  callbacks: 'callbacks',
} as const;
export type LetterQueue = typeof QUEUES.read | typeof QUEUES.ocr;

/** Job names, as BullMQ and its events stream show them. */
export const JOB_NAMES = { batchLetter: 'batch-letter', singleLetter: 'single-letter', callback: 'callback' } as const;

/**
 * BullMQ priorities (lower first): a student waiting for an answer goes before the letters of a
 * batch, whose integration is told when they are done.
 */
export const PRIORITY = { single: 1, batch: 10 } as const;

export const keys = {
  /** Hash: the batch's counters and state, its sealed details (owner, filenames, callback URL). */
  batch: (id: string) => `${PREFIX}:batch:${id}`,
  /** Hash: letter index -> the sealed outcome (report or problem). */
  batchItems: (id: string) => `${PREFIX}:batch:${id}:items`,
  /** Hash: letter index -> the sealed letter, until it has been checked. */
  batchLetters: (id: string) => `${PREFIX}:batch:${id}:letters`,
  /** Sorted sets of batch ids still being checked, all and per client (for MAX_BATCHES, MAX_BATCHES_PER_KEY). */
  unfinished: () => `${PREFIX}:batches:unfinished`,
  unfinishedOf: (client: string) => `${PREFIX}:batches:unfinished:${client}`,
  /** Sorted set of finished batch ids by finishing time, and their sizes: BATCH_MEMORY_MB, the oldest dropped first. */
  finished: () => `${PREFIX}:batches:finished`,
  finishedSizes: () => `${PREFIX}:batches:finished:sizes`,
  /** String: the batch an Idempotency-Key (with its client) created, and the fingerprint of that request. */
  idempotency: (pseudonym: string) => `${PREFIX}:idempotency:${pseudonym}`,
  /** One single letter (POST /v1/validate) sent to the fleet: its sealed bytes, then its sealed outcome. */
  singleLetter: (jobId: string) => `${PREFIX}:single:${jobId}:letter`,
  singleOutcome: (jobId: string) => `${PREFIX}:single:${jobId}:outcome`,
  /** Pub/sub channel on which a worker names the single letter it has just answered. */
  singleDone: () => `${PREFIX}:single-done`,
  /** Sorted set of worker ids by last heartbeat, and each worker's hash (OCR slots, measured time per page). */
  workers: () => `${PREFIX}:workers`,
  worker: (id: string) => `${PREFIX}:worker:${id}`,
};

/** The additional data a sealed value is bound to: where it is stored, so that it opens nowhere else. */
export const sealedAt = {
  batchDetails: (id: string) => `batch:${id}:details`,
  item: (id: string, index: number) => `batch:${id}:item:${index}`,
  letter: (id: string, index: number) => `batch:${id}:letter:${index}`,
  singleLetter: (jobId: string) => `single:${jobId}:letter`,
  singleOutcome: (jobId: string) => `single:${jobId}:outcome`,
};
