import pino from 'pino';
import { createChecker } from '../checker.js';
import { loadSettings, SettingsError, type Settings } from '../config/settings.js';
import { createOcrService } from '../extract/ocr/createOcrService.js';
import { connectRedis } from '../fleet/connectRedis.js';
import { createJobCipher } from '../fleet/jobCipher.js';
import { startFleetWorker } from '../fleet/startFleetWorker.js';
import { loggerOptions } from '../http/logger.js';

/**
 * A worker of the fleet (`npm run worker`, or the image with `node dist/worker/main.js`): the same
 * code as the service, with its own reader and OCR pools, taking letters from Redis. Start as many
 * as the letters need, on as many machines, all with the same REDIS_URL and JOB_ENCRYPTION_KEY.
 */
async function main() {
  let settings: Settings;
  try {
    settings = loadSettings(process.env);
    if (!settings.REDIS_URL) throw new SettingsError(['REDIS_URL: a worker takes its letters from Redis; set REDIS_URL (and JOB_ENCRYPTION_KEY)']);
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = pino(loggerOptions(settings) as pino.LoggerOptions);
  const ocr = settings.OCR_WORKERS > 0 ? createOcrService(settings, log) : null;
  const checker = await createChecker(settings, { ocr });
  // Letters are taken only once this worker can check them: OCR loaded, readers started.
  await Promise.all([checker.ready(), checker.warm()]);
  const redis = connectRedis(settings.REDIS_URL!, 'worker', log);
  const worker = await startFleetWorker({ settings, checker, ocrPool: ocr, redis, cipher: createJobCipher(settings.JOB_ENCRYPTION_KEY!), log });

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) {
        log.warn({ signal }, 'second signal: exiting without waiting for the letters under way');
        process.exit(1);
      }
      closing = true;
      log.info({ signal }, 'shutting down: finishing the letters under way');
      // Letters still unfinished then are taken up by another worker once their lock lapses.
      setTimeout(() => {
        log.error({ timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out: exiting with letters under way');
        process.exit(1);
      }, settings.SHUTDOWN_TIMEOUT_MS).unref();
      void (async () => {
        await worker.close();
        await checker.close();
        await redis.quit().catch(() => undefined);
        log.info({}, 'shut down');
        process.exit(0);
      })().catch(() => process.exit(1));
    });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
