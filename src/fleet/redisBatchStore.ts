import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Batch, BatchCallback, BatchItem } from '../report/index.js';
import { isProblemError, OverloadedError } from '../report/errors.js';
import { newBatch, type BatchStore, type BatchStoreLimits, type CreateBatchResult, type LetterOutcome, type NewBatch } from '../http/batches/batchStore.js';
import { keys, PREFIX, sealedAt } from './fleetKeys.js';
import type { JobCipher } from './jobCipher.js';
import { packLetter, unpackLetter, type Letter } from './letterEnvelope.js';

/** What the batch's own hash holds beside its counters: sealed, since file names and the callback URL are the client's words. */
interface BatchDetails {
  owner: string | null;
  createdAt: number;
  filenames: (string | null)[];
  callbackUrl: string | null;
}

export type RecordResult = 'recorded' | 'finished' | 'duplicate' | 'gone';

const BATCH_PREFIX = `${PREFIX}:batch:`;
const UNFINISHED_OF_PREFIX = keys.unfinishedOf('');

// Creates a batch unless an Idempotency-Key names an earlier one or the limits are reached; only
// unfinished batches count (those whose hash is gone or done are pruned first). One script, so that
// two requests at once cannot both take the last place or both create a batch for one key.
const CREATE = `
local now, ttl = tonumber(ARGV[2]), tonumber(ARGV[3])
if ARGV[9] ~= '' then
  local earlier = redis.call('GET', KEYS[4])
  if earlier then
    local fingerprint, id = string.match(earlier, '^(%S+) (%S+)$')
    if id and redis.call('EXISTS', ARGV[10] .. id) == 1 then
      if fingerprint ~= ARGV[9] then return {'conflict'} end
      return {'replayed', id}
    end
  end
end
local function unfinished(set)
  for _, id in ipairs(redis.call('ZRANGE', set, 0, -1)) do
    local status = redis.call('HGET', ARGV[10] .. id, 'status')
    if (not status) or status == 'done' then redis.call('ZREM', set, id) end
  end
  return redis.call('ZCARD', set)
end
local all = unfinished(KEYS[1])
if all >= tonumber(ARGV[4]) then return {'full', tostring(all)} end
local mine = unfinished(KEYS[2])
if mine >= tonumber(ARGV[5]) then return {'client-full', tostring(mine)} end
redis.call('HSET', KEYS[3], 'details', ARGV[6], 'total', ARGV[7], 'done', 0, 'failed', 0, 'complete', 0, 'incomplete', 0,
  'needs_review', 0, 'bytes', 0, 'status', 'pending', 'client', ARGV[8], 'createdAt', now)
if ARGV[11] ~= '' then redis.call('HSET', KEYS[3], 'callback', ARGV[11]) end
if ARGV[9] ~= '' then
  redis.call('SET', KEYS[4], ARGV[9] .. ' ' .. ARGV[1], 'PX', ttl)
  redis.call('HSET', KEYS[3], 'idempotency', KEYS[4])
end
redis.call('PEXPIRE', KEYS[3], ttl)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[2], ttl)
return {'created', ARGV[1]}
`;

// Records one letter's outcome once (a letter checked twice, after its worker died, counts once),
// drops its bytes, and when it was the last: marks the batch done, frees its places, and keeps the
// finished batches within their memory budget, the oldest finished dropped first.
const RECORD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'gone'} end
if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3]) == 0 then return {'duplicate'} end
local now, ttl = tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('HINCRBY', KEYS[1], ARGV[4], 1)
redis.call('HINCRBY', KEYS[1], 'bytes', string.len(ARGV[3]))
redis.call('HDEL', KEYS[3], ARGV[2])
local done = redis.call('HINCRBY', KEYS[1], 'done', 1)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
if done < tonumber(redis.call('HGET', KEYS[1], 'total')) then return {'recorded'} end
redis.call('HSET', KEYS[1], 'status', 'done', 'finishedAt', now)
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', ARGV[9] .. redis.call('HGET', KEYS[1], 'client'), ARGV[1])
local idempotency = redis.call('HGET', KEYS[1], 'idempotency')
if idempotency then redis.call('PEXPIRE', idempotency, ttl) end
for _, old in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now - ttl)) do
  redis.call('ZREM', KEYS[5], old)
  redis.call('HDEL', KEYS[6], old)
end
redis.call('ZADD', KEYS[5], now, ARGV[1])
redis.call('HSET', KEYS[6], ARGV[1], redis.call('HGET', KEYS[1], 'bytes'))
local total = 0
for _, size in ipairs(redis.call('HVALS', KEYS[6])) do total = total + tonumber(size) end
while total > tonumber(ARGV[7]) do
  local oldest = redis.call('ZRANGE', KEYS[5], 0, 0)[1]
  if not oldest then break end
  total = total - tonumber(redis.call('HGET', KEYS[6], oldest) or '0')
  redis.call('ZREM', KEYS[5], oldest)
  redis.call('HDEL', KEYS[6], oldest)
  local key = ARGV[8] .. oldest
  local its = redis.call('HGET', key, 'idempotency')
  if its then redis.call('DEL', its) end
  redis.call('DEL', key, key .. ':items', key .. ':letters')
end
return {'finished'}
`;

// Never re-creates an expired batch's hash (it would then live for ever): only sets a field of one that exists.
const SET_IF_EXISTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
`;

type Script = (...args: (string | number | Buffer)[]) => Promise<unknown>;

/**
 * Batches in Redis, shared by the API and every worker: a batch survives a restart of any of them.
 * A batch is a hash (counters, state, sealed details), a hash of sealed outcomes and, until each is
 * checked, a hash of sealed letters; everything of a letter (bytes, options, report, file name) is
 * sealed with AES-256-GCM (JobCipher) before it leaves the process. Every key expires
 * BATCH_TTL_SECONDS after the batch's last change; the limits are the in-memory store's, kept with
 * Lua scripts so that several API processes share them. Needs one Redis (not Redis Cluster: the
 * scripts reach keys they compute).
 */
export class RedisBatchStore implements BatchStore {
  private readonly createScript: Script;
  private readonly recordScript: Script;
  private readonly setIfExists: Script;

  constructor(
    private readonly redis: Redis,
    private readonly cipher: JobCipher,
    private readonly limits: BatchStoreLimits,
    private readonly now: () => number = Date.now,
  ) {
    redis.defineCommand('offercheckCreateBatch', { numberOfKeys: 4, lua: CREATE });
    redis.defineCommand('offercheckRecordLetter', { numberOfKeys: 6, lua: RECORD });
    redis.defineCommand('offercheckSetIfExists', { numberOfKeys: 1, lua: SET_IF_EXISTS });
    const scripts = redis as unknown as Record<string, Script>;
    this.createScript = scripts.offercheckCreateBatch.bind(redis);
    this.recordScript = scripts.offercheckRecordLetter.bind(redis);
    this.setIfExists = scripts.offercheckSetIfExists.bind(redis);
  }

  async create(batch: NewBatch): Promise<CreateBatchResult> {
    return unreachableAsBusy(() => this.createNow(batch));
  }

  async get(id: string, requester: string | null): Promise<Batch | undefined> {
    if (!isBatchId(id)) return undefined;
    const found = await unreachableAsBusy(() => this.read(id));
    // Someone else's batch is answered exactly as one that does not exist.
    if (!found || (found.owner !== null && found.owner !== requester)) return undefined;
    return found.batch;
  }

  private async createNow({ owner, client, filenames, callback, idempotency }: NewBatch): Promise<CreateBatchResult> {
    const id = randomUUID();
    const created = this.now();
    const clientName = this.cipher.pseudonym('client', client);
    const details: BatchDetails = { owner, createdAt: created, filenames, callbackUrl: callback?.url ?? null };
    const fresh = newBatch(id, created, this.limits.ttlMs, filenames, callback);
    const [outcome, value] = (await this.createScript(
      keys.unfinished(),
      keys.unfinishedOf(clientName),
      keys.batch(id),
      idempotency ? keys.idempotency(this.cipher.pseudonym('idempotency', client, idempotency.key)) : keys.idempotency('none'),
      id,
      created,
      this.limits.ttlMs,
      this.limits.maxUnfinished,
      this.limits.maxUnfinishedPerClient,
      this.seal(details, sealedAt.batchDetails(id)),
      filenames.length,
      clientName,
      idempotency ? this.cipher.pseudonym('fingerprint', idempotency.fingerprint) : '',
      BATCH_PREFIX,
      fresh.callback ? JSON.stringify(callbackStateOf(fresh.callback)) : '',
    )) as [string, string | undefined];
    if (outcome === 'conflict') return { refused: 'idempotency-conflict' };
    if (outcome === 'full' || outcome === 'client-full') return { refused: outcome, unfinished: Number(value) };
    if (outcome === 'replayed') {
      const batch = await this.read(value!);
      if (batch) return { batch: batch.batch, replayed: true };
      return this.createNow({ owner, client, filenames, callback, idempotency });
    }
    return { batch: fresh, replayed: false };
  }

  /** The batch whoever asks (a worker delivering its callback). */
  async getForDelivery(id: string): Promise<Batch | undefined> {
    return (await this.read(id))?.batch;
  }

  async record(id: string, index: number, outcome: LetterOutcome): Promise<Batch> {
    await this.recordOutcome(id, index, outcome);
    const batch = await this.getForDelivery(id);
    if (!batch) throw new Error(`record: no batch ${id}`);
    return batch;
  }

  /** Records one letter's outcome; 'finished' exactly once per batch, for the letter that completed it. */
  async recordOutcome(id: string, index: number, outcome: LetterOutcome): Promise<RecordResult> {
    const item: Omit<BatchItem, 'index' | 'filename'> =
      'report' in outcome
        ? { status: 'done', verdict: outcome.report.verdict, report: outcome.report, problem: null }
        : { status: 'failed', verdict: null, report: null, problem: outcome.problem };
    const counter = 'report' in outcome ? outcome.report.verdict : 'failed';
    const [result] = (await this.recordScript(
      keys.batch(id),
      keys.batchItems(id),
      keys.batchLetters(id),
      keys.unfinished(),
      keys.finished(),
      keys.finishedSizes(),
      id,
      index,
      this.seal(item, sealedAt.item(id, index)),
      counter,
      this.now(),
      this.limits.ttlMs,
      this.limits.finishedBytes,
      BATCH_PREFIX,
      UNFINISHED_OF_PREFIX,
    )) as [RecordResult];
    return result;
  }

  async recordCallback(id: string, callback: BatchCallback): Promise<void> {
    await this.setIfExists(keys.batch(id), 'callback', JSON.stringify(callbackStateOf(callback)));
  }

  /** Puts a batch's letters, sealed, where the workers take them from; they expire with the batch. */
  async putLetters(id: string, letters: Letter[]): Promise<void> {
    const fields = new Map(letters.map((letter, index) => [String(index), this.cipher.seal(packLetter(letter), sealedAt.letter(id, index))]));
    await this.redis.multi().hset(keys.batchLetters(id), fields).pexpire(keys.batchLetters(id), this.limits.ttlMs).exec();
  }

  /** A letter still to be checked; null once its outcome is recorded, or when its batch has expired. */
  async takeLetter(id: string, index: number): Promise<Letter | null> {
    const sealed = await this.redis.hgetBuffer(keys.batchLetters(id), String(index));
    return sealed ? unpackLetter(this.cipher.open(sealed, sealedAt.letter(id, index))) : null;
  }

  /** Forgets a batch whose letters could not be queued, so that it holds no place. */
  async discard(id: string): Promise<void> {
    await this.redis.multi().del(keys.batch(id), keys.batchItems(id), keys.batchLetters(id)).zrem(keys.unfinished(), id).exec();
  }

  private async read(id: string): Promise<{ batch: Batch; owner: string | null } | undefined> {
    const replies = await this.redis.multi().hgetallBuffer(keys.batch(id)).hgetallBuffer(keys.batchItems(id)).pttl(keys.batch(id)).exec();
    if (!replies) return undefined;
    const [[headError, head], [itemsError, sealedItems], [, ttl]] = replies as [[Error | null, Record<string, Buffer>], [Error | null, Record<string, Buffer>], [Error | null, number]];
    if (headError || itemsError) throw headError ?? itemsError;
    if (!head.details) return undefined;
    let details: BatchDetails;
    try {
      details = this.open<BatchDetails>(head.details, sealedAt.batchDetails(id));
    } catch {
      // Sealed with another JOB_ENCRYPTION_KEY (a rotation while it lived): unreadable, so as good as gone.
      return undefined;
    }
    const count = (field: string) => Number(head[field]?.toString() ?? 0);
    const items: BatchItem[] = details.filenames.map((filename, index) => {
      const sealed = sealedItems[String(index)];
      const outcome = sealed ? this.open<Omit<BatchItem, 'index' | 'filename'>>(sealed, sealedAt.item(id, index)) : null;
      return { index, filename, ...(outcome ?? { status: 'pending', verdict: null, report: null, problem: null }) };
    });
    const callbackState = head.callback ? (JSON.parse(head.callback.toString()) as Omit<BatchCallback, 'url'>) : null;
    const batch: Batch = {
      id,
      status: head.status?.toString() === 'done' ? 'done' : 'pending',
      createdAt: new Date(details.createdAt).toISOString(),
      expiresAt: new Date(this.now() + Math.max(0, Number(ttl))).toISOString(),
      summary: {
        total: count('total'),
        done: count('done'),
        failed: count('failed'),
        complete: count('complete'),
        incomplete: count('incomplete'),
        needs_review: count('needs_review'),
      },
      callback: callbackState && details.callbackUrl ? { url: details.callbackUrl, ...callbackState } : null,
      items,
    };
    return { batch, owner: details.owner };
  }

  private seal(value: unknown, context: string): Buffer {
    return this.cipher.seal(Buffer.from(JSON.stringify(value)), context);
  }

  private open<T>(sealed: Buffer, context: string): T {
    return JSON.parse(this.cipher.open(sealed, context).toString('utf8')) as T;
  }
}

/** The callback's state as stored in the clear: everything but the URL, which is sealed with the batch's details. */
function callbackStateOf({ url: _url, ...state }: BatchCallback): Omit<BatchCallback, 'url'> {
  return state;
}

/** Redis not answering is the service being unable to take or show batches now: 503 with Retry-After, not a 500. */
async function unreachableAsBusy<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isProblemError(error)) throw error;
    throw new OverloadedError('Batches cannot be reached right now (the job store does not answer); try again in a moment.');
  }
}

/** Batch ids are UUIDs: anything else is no batch, and never becomes part of a key name. */
function isBatchId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
