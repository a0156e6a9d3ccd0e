import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { Settings } from '../../config/settings.js';
import { InvalidRequestError, NotFoundError, OverloadedError } from '../../report/errors.js';
import { BatchStore } from '../batches/batchStore.js';
import { deliverCallback, isAllowedCallbackUrl } from '../batches/deliverCallback.js';
import { problemOf } from '../plugins/problemDetails.js';
import { checkOptionsFrom, readMultipartUpload } from '../readUpload.js';

/**
 * Batches for integrations (an office's intake, a career platform): POST several letters at once,
 * get 202 and a batch id, then poll GET /v1/batches/{id} or receive the finished batch at a callback URL.
 * Letters are checked one after another so that a batch never takes more than its share of the OCR pool.
 */
const batchRoutes: FastifyPluginAsync<{ settings: Settings }> = async (app, { settings }) => {
  const store = new BatchStore({ maxBatches: settings.MAX_BATCHES, ttlMs: settings.BATCH_TTL_SECONDS * 1000 });

  app.post('/v1/batches', async (request, reply) => {
    if (!request.isMultipart()) throw new InvalidRequestError('Send the letters as multipart/form-data, each in a part named "file".');
    const upload = await readMultipartUpload(request, settings.MAX_BATCH_FILES);
    const { callback_url: callbackUrl, ...fields } = upload.fields;
    const options = checkOptionsFrom(fields);
    if (callbackUrl && !isAllowedCallbackUrl(callbackUrl, settings.CALLBACK_ALLOWED_HOSTS)) {
      throw new InvalidRequestError('callback_url must be an http(s) URL on a host the operator allows (CALLBACK_ALLOWED_HOSTS).');
    }
    const batch = store.create(
      upload.files.map((f) => f.filename),
      callbackUrl ?? null,
    );
    if (!batch) {
      reply.header('retry-after', '60');
      throw new OverloadedError('Too many batches are in progress; try again in a minute.');
    }
    const instance = `/v1/batches/${batch.id}`;
    const requestId = String(request.id);
    const log = request.log;
    // Runs after the 202 is sent; each letter's bytes are released once it is checked.
    void (async () => {
      for (const [index, file] of upload.files.entries()) {
        try {
          store.recordReport(batch, index, await app.checker.check(file.bytes, { ...options, declaredType: file.declaredType }));
        } catch (error) {
          store.recordProblem(batch, index, problemOf(error as FastifyError, instance, requestId));
        }
        upload.files[index] = { ...file, bytes: Buffer.alloc(0) };
      }
      log.info({ batch: batch.id, total: batch.summary.total, failed: batch.summary.failed }, 'batch checked');
      if (batch.callback) {
        const result = await deliverCallback(batch.callback.url, batch, { secret: settings.CALLBACK_SECRET });
        batch.callback.status = result.delivered ? 'delivered' : 'failed';
        batch.callback.attempts = result.attempts;
        log.info({ batch: batch.id, delivered: result.delivered, attempts: result.attempts }, 'batch callback');
      }
    })();
    reply.code(202).header('location', instance);
    return batch;
  });

  app.get<{ Params: { id: string } }>('/v1/batches/:id', async (request) => {
    const batch = store.get(request.params.id);
    if (!batch) throw new NotFoundError('No such batch: it never existed or it has expired.');
    return batch;
  });
};
export default batchRoutes;
