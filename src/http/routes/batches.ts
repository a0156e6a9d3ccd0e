import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Settings } from '../../config/settings.js';
import { InvalidRequestError, NotFoundError, OverloadedError, RateLimitedError } from '../../report/errors.js';
import type { BatchDispatcher } from '../batches/batchDispatcher.js';
import { BatchRunner } from '../batches/batchRunner.js';
import { batchStoreLimits, MemoryBatchStore, type BatchStore } from '../batches/batchStore.js';
import { isAllowedCallbackUrl } from '../batches/deliverCallback.js';
import { takeCheckTicket } from '../plugins/backpressure.js';
import { bodyLimitFor } from '../plugins/uploads.js';
import { checkOptionsFrom, uploadOf, type Upload } from '../readUpload.js';
import { clientOf } from '../routePolicy.js';

export interface BatchRoutesOptions {
  settings: Settings;
  /** Where batches live and who checks them; by default this process's memory and its checker (BatchRunner). */
  batches?: { store: BatchStore; dispatcher: BatchDispatcher };
}

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
const batchRoutes: FastifyPluginAsync<BatchRoutesOptions> = async (app, { settings, batches }) => {
  const store = batches?.store ?? new MemoryBatchStore(batchStoreLimits(settings));
  const dispatcher =
    batches?.dispatcher ?? new BatchRunner(store, app.checker, { secret: settings.CALLBACK_SECRET, backoffMs: settings.CALLBACK_BACKOFF_MS });
  app.addHook('onClose', async () => {
    if (dispatcher.size > 0) app.log.info({ batches: dispatcher.size }, 'shutting down: finishing accepted batches');
    await dispatcher.drain();
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
      const idempotencyKey = idempotencyKeyOf(request);
      const created = await store.create({
        owner: request.apiKeyId,
        client: clientOf(request),
        filenames: upload.files.map((f) => f.filename),
        callback: callbackUrl ? { url: callbackUrl, maxAttempts: settings.CALLBACK_ATTEMPTS } : null,
        idempotency: idempotencyKey ? { key: idempotencyKey, fingerprint: fingerprintOf(upload) } : null,
      });
      if ('refused' in created && created.refused === 'idempotency-conflict') {
        throw new InvalidRequestError('This Idempotency-Key was used before for other letters or options; use a new key for a new batch.');
      }
      if ('refused' in created) {
        reply.header('retry-after', String(BATCH_RETRY_AFTER_SECONDS));
        if (created.refused === 'client-full') {
          throw new RateLimitedError(
            `You have ${created.unfinished} batches still being checked, the most one ${request.apiKeyId ? 'API key' : 'address'} may have; send this one when one of them is done.`,
          );
        }
        throw new OverloadedError('Too many batches are being checked; try again in a minute.');
      }
      // What the 202 shows is the batch as accepted (or, for a repeated request, as it stands); the
      // checks' progress shows on GET.
      const accepted = structuredClone(created.batch);
      reply.code(202).header('location', `/v1/batches/${accepted.id}`);
      if (created.replayed) {
        // The same request again (a client retrying after a lost answer): nothing is checked twice.
        reply.header('idempotent-replayed', 'true');
        return accepted;
      }
      await dispatcher.dispatch({
        batch: created.batch,
        letters: upload.files,
        options,
        ticket: takeCheckTicket(request),
        requestId: String(request.id),
        log: request.log,
      });
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

/** Idempotency-Key: a client's own name for one request, 1-255 visible ASCII characters (a UUID, say). */
function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new InvalidRequestError('Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.');
  }
  return value;
}

/** What a request sent, letters and options, as one digest: a key reused for another request is refused, not answered with the wrong batch. */
function fingerprintOf(upload: Upload): string {
  const hash = createHash('sha256');
  for (const file of upload.files) hash.update(`${file.bytes.length}:`).update(file.bytes).update(`\n${file.filename ?? ''}\n${file.declaredType ?? ''}\n`);
  for (const name of Object.keys(upload.fields).sort()) hash.update(`${name}=${upload.fields[name]}\n`);
  return hash.digest('hex');
}
