import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { ocrPageCount } from '../../ingest/ocrPageCount.js';
import { OverloadedError } from '../../report/errors.js';
import type { OcrDeadlineAdmission } from '../admission/ocrDeadline.js';
import { isUpload } from '../readUpload.js';

export interface OcrDeadlineOptions {
  /** null when nothing here reads pages by OCR (OCR_WORKERS=0, or a checker given by a test). */
  admission: OcrDeadlineAdmission | null;
  /** MAX_PAGES: a TIFF counts for at most this many. */
  maxPages: number;
  /** A reservation is dropped after this long whatever became of its request (REQUEST_TIMEOUT_MS x 2). */
  releaseAfterMs: number;
}

const RELEASE = Symbol('ocr reservation');
type WithRelease = FastifyRequest & { [RELEASE]?: () => void };

/**
 * On routes whose client waits for the check (`waitsForCheck`: POST /v1/validate), a photo or scan
 * is admitted only if OCR can be expected to read it within the request's deadline
 * (OcrDeadlineAdmission): otherwise 503 OVERLOADED with Retry-After at once, instead of
 * PROCESSING_TIMEOUT after the wait. Runs after the check queue's own admission (backpressure).
 * Batch letters are not refused this way: nobody waits for them, and the letters of a student
 * waiting go first.
 */
export default fp<OcrDeadlineOptions>(
  async (app, { admission, maxPages, releaseAfterMs }) => {
    if (!admission) return;
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.config.waitsForCheck !== true || !isUpload(request.body)) return;
      const pages = request.body.files.reduce((n, file) => n + ocrPageCount(file.bytes, maxPages), 0);
      if (pages === 0) return;
      const decision = await admission.tryAdmit(pages);
      if (!decision.admitted) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        const wait = Number.isFinite(decision.expectedWaitMs) ? `about ${Math.round(decision.expectedWaitMs / 1000)} s` : 'until a worker is up';
        throw new OverloadedError(`Photos and scans are waiting to be read: yours would wait ${wait}, past the deadline; send it again in ${decision.retryAfterSeconds} s.`);
      }
      const timer = setTimeout(decision.release, releaseAfterMs);
      timer.unref();
      (request as WithRelease)[RELEASE] = () => {
        clearTimeout(timer);
        decision.release();
      };
    });
    // onSend runs once the handler has answered, also when its client has already left.
    app.addHook('onSend', async (request, _reply, payload) => {
      (request as WithRelease)[RELEASE]?.();
      return payload;
    });
  },
  { name: 'ocr-deadline', dependencies: ['backpressure'] },
);
