import type { FastifyPluginAsync } from 'fastify';
import type { Settings } from '../../config/settings.js';
import { InvalidRequestError, NotFoundError, OverloadedError, RateLimitedError } from '../../report/errors.js';
import { BatchRunner } from '../batches/batchRunner.js';
import { MemoryBatchStore, type BatchStore } from '../batches/batchStore.js';
import { isAllowedCallbackUrl } from '../batches/deliverCallback.js';
import { takeCheckTicket } from '../plugins/backpressure.js';
import { bodyLimitFor } from '../plugins/uploads.js';
import { checkOptionsFrom, uploadOf } from '../readUpload.js';
import { clientOf } from '../routePolicy.js';

/** How long a client whose batches are all still running is told to wait. */
const BATCH_RETRY_AFTER_SECONDS = 60;

/**
 * Batches for integrations (an office's intake, a career platform): POST several letters at once,
 * get 202 and a batch id, then poll GET /v1/batches/{id} or receive the finished batch at a callback
 * URL. A batch belongs to the API key that created it: any other key gets 404 for it, as for a batch
 * that does not exist. On shutdown, the batches already accepted are finished and their callbacks
 * sent before the checker closes (onClose hooks run in reverse order of registration, and the
 * checker's was registered first).
 */
const batchRoutes: FastifyPluginAsync<{ settings: Settings; store?: BatchStore }> = async (app, { settings, store: given }) => {
  const store =
    given ??
    new MemoryBatchStore({
      maxUnfinished: settings.MAX_BATCHES,
      maxUnfinishedPerClient: settings.MAX_BATCHES_PER_KEY,
      ttlMs: settings.BATCH_TTL_SECONDS * 1000,
      finishedBytes: Math.floor(settings.BATCH_MEMORY_MB * 1024 * 1024),
    });
  const runner = new BatchRunner(store, app.checker, settings.CALLBACK_SECRET);
  app.addHook('onClose', async () => {
    if (runner.size > 0) app.log.info({ batches: runner.size }, 'shutting down: finishing accepted batches');
    await runner.drain();
  });

  app.post(
    '/v1/batches',
    {
      bodyLimit: bodyLimitFor(settings, settings.MAX_BATCH_FILES),
      config: { access: 'keyed', runsChecks: true, maxLetters: settings.MAX_BATCH_FILES, letters: 'batch' },
    },
    async (request, reply) => {
      const upload = uploadOf(request.body);
      const { callback_url: callbackUrl, ...fields } = upload.fields;
      const options = checkOptionsFrom(fields);
      if (callbackUrl && !isAllowedCallbackUrl(callbackUrl, settings.CALLBACK_ALLOWED_HOSTS)) {
        throw new InvalidRequestError('callback_url must be an http(s) URL on a host the operator allows (CALLBACK_ALLOWED_HOSTS).');
      }
      const created = await store.create({
        owner: request.apiKeyId,
        client: clientOf(request),
        filenames: upload.files.map((f) => f.filename),
        callbackUrl: callbackUrl ?? null,
      });
      if ('refused' in created) {
        reply.header('retry-after', String(BATCH_RETRY_AFTER_SECONDS));
        if (created.refused === 'client-full') {
          throw new RateLimitedError(
            `You have ${created.unfinished} batches still being checked, the most one ${request.apiKeyId ? 'API key' : 'address'} may have; send this one when one of them is done.`,
          );
        }
        throw new OverloadedError('Too many batches are being checked; try again in a minute.');
      }
      // What the 202 shows is the batch as accepted; the runner's changes show on GET.
      const accepted = structuredClone(created.batch);
      runner.start({
        batch: created.batch,
        letters: upload.files,
        options,
        ticket: takeCheckTicket(request),
        requestId: String(request.id),
        log: request.log,
      });
      reply.code(202).header('location', `/v1/batches/${accepted.id}`);
      return accepted;
    },
  );

  app.get<{ Params: { id: string } }>('/v1/batches/:id', { config: { access: 'keyed' } }, async (request) => {
    const batch = await store.get(request.params.id, request.apiKeyId);
    if (!batch) throw new NotFoundError('No such batch: it never existed, it has expired, or it belongs to another API key.');
    return batch;
  });
};
export default batchRoutes;
