import { createChecker, type Checker } from '../checker.js';
import type { Settings } from '../config/settings.js';
import { inProcessReaders } from '../isolation/inProcessReaders.js';
import type { OcrBacklog } from '../http/admission/ocrDeadline.js';
import type { BatchDispatcher } from '../http/batches/batchDispatcher.js';
import type { BatchStore } from '../http/batches/batchStore.js';
import { connectRedis, type RedisLogger } from './connectRedis.js';
import { fleetBacklog, type FleetStatus } from './fleetCapacity.js';
import { createFleetChecker } from './fleetChecker.js';
import { FleetDispatcher } from './fleetDispatcher.js';
import { openQueues } from './fleetQueues.js';
import { createJobCipher } from './jobCipher.js';
import { batchStoreLimits } from '../http/batches/batchStore.js';
import { RedisBatchStore } from './redisBatchStore.js';
import { SingleLetterStore } from './singleLetters.js';

/** The API's side of the fleet: what the routes use in place of this process's own checker and memory. */
export interface Fleet {
  /** Sends each letter to the workers and waits for its answer within the deadline. */
  checker: Checker;
  batches: { store: BatchStore; dispatcher: BatchDispatcher };
  /** The workers' OCR backlog, for admission by deadline. */
  backlog: OcrBacklog;
  /** For /readyz: Redis answers, and the workers alive with their OCR slots. Throws when Redis does not answer. */
  status(): Promise<FleetStatus>;
  /** Closes the connections; after the checker and the batch routes are done with them. */
  close(): Promise<void>;
}

/** Connects the API to the fleet (REDIS_URL, JOB_ENCRYPTION_KEY): nothing of a letter is checked in this process. */
export async function connectFleet(settings: Settings, log: RedisLogger): Promise<Fleet> {
  if (!settings.REDIS_URL || !settings.JOB_ENCRYPTION_KEY) throw new Error('connectFleet needs REDIS_URL and JOB_ENCRYPTION_KEY.');
  const cipher = createJobCipher(settings.JOB_ENCRYPTION_KEY);
  const redis = connectRedis(settings.REDIS_URL, 'api', log);
  const subscriber = connectRedis(settings.REDIS_URL, 'api', log);
  const queues = openQueues(redis);
  const store = new RedisBatchStore(redis, cipher, batchStoreLimits(settings));
  // Only for its profiles (GET /v1/profiles, as the workers load them from the same settings): it checks nothing.
  const { profiles } = await createChecker(settings, { ocr: null, readers: inProcessReaders });
  await redis.ping().catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Redis (REDIS_URL) does not answer: ${error.code ?? error.message}. Start it first, or check the URL, its user and password.`);
  });
  const checker = await createFleetChecker({
    redis,
    subscriber,
    queues,
    singles: new SingleLetterStore(redis, cipher),
    profiles,
    deadlineMs: settings.REQUEST_TIMEOUT_MS,
    maxPages: settings.MAX_PAGES,
  });
  const backlog = fleetBacklog(redis, queues);
  return {
    checker,
    batches: { store, dispatcher: new FleetDispatcher(store, queues, settings.MAX_PAGES) },
    backlog,
    async status() {
      await redis.ping();
      return backlog.status();
    },
    async close() {
      await queues.close();
      await Promise.all([redis.quit().catch(() => redis.disconnect()), subscriber.quit().catch(() => subscriber.disconnect())]);
    },
  };
}
