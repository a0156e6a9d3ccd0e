import type { Redis } from 'ioredis';
import type { LetterOutcome } from '../http/batches/batchStore.js';
import { keys, sealedAt } from './fleetKeys.js';
import type { JobCipher } from './jobCipher.js';
import { packLetter, unpackLetter, type Letter } from './letterEnvelope.js';

/** An answer nobody has collected (its request gave up) goes after this long. */
const OUTCOME_TTL_MS = 60_000;

/**
 * The Redis side of a single letter sent to the fleet (POST /v1/validate): the API puts the letter,
 * sealed, under the job's id; a worker takes it, checks it, puts the outcome, sealed, in its place
 * and names the job on a pub/sub channel; the API, listening, collects the outcome and deletes it.
 * The letter expires at its deadline even if no worker ever takes it.
 */
export class SingleLetterStore {
  constructor(
    private readonly redis: Redis,
    private readonly cipher: JobCipher,
  ) {}

  async put(jobId: string, letter: Letter, ttlMs: number): Promise<void> {
    await this.redis.set(keys.singleLetter(jobId), this.cipher.seal(packLetter(letter), sealedAt.singleLetter(jobId)), 'PX', ttlMs);
  }

  /** The letter, or null once its request has given up (deleted) or its deadline has passed (expired). */
  async take(jobId: string): Promise<Letter | null> {
    const sealed = await this.redis.getBuffer(keys.singleLetter(jobId));
    return sealed ? unpackLetter(this.cipher.open(sealed, sealedAt.singleLetter(jobId))) : null;
  }

  /** Drops the letter (checked, or given up on). */
  async drop(jobId: string): Promise<void> {
    await this.redis.del(keys.singleLetter(jobId));
  }

  /** A worker's answer: the outcome in place of the letter, then the job's id on the channel. */
  async answer(jobId: string, outcome: LetterOutcome): Promise<void> {
    const sealed = this.cipher.seal(Buffer.from(JSON.stringify(outcome)), sealedAt.singleOutcome(jobId));
    await this.redis.multi().set(keys.singleOutcome(jobId), sealed, 'PX', OUTCOME_TTL_MS).del(keys.singleLetter(jobId)).publish(keys.singleDone(), jobId).exec();
  }

  /** The API's collection of an answer: read and deleted at once; null if there is none (yet). */
  async collect(jobId: string): Promise<LetterOutcome | null> {
    const replies = await this.redis.multi().getBuffer(keys.singleOutcome(jobId)).del(keys.singleOutcome(jobId)).exec();
    const sealed = replies?.[0]?.[1] as Buffer | null | undefined;
    return sealed ? (JSON.parse(this.cipher.open(sealed, sealedAt.singleOutcome(jobId)).toString('utf8')) as LetterOutcome) : null;
  }
}
