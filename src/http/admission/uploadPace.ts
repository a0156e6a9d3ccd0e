import { Transform, type TransformCallback } from 'node:stream';
import { UploadTooSlowError } from '../../report/errors.js';

export interface UploadPaceLimits {
  /** UPLOAD_TIMEOUT_MS: the whole body must have arrived by then. */
  deadlineMs: number;
  /** MIN_UPLOAD_BYTES_PER_SECOND, over any `windowMs` once the body is that old; 0: no minimum rate. */
  minBytesPerSecond: number;
  windowMs: number;
}

/**
 * Passes a request body through unchanged while timing it: past the deadline, or slower than the
 * minimum rate over the last window, it fails with 408 UPLOAD_TOO_SLOW. The rate is measured over a
 * sliding window rather than since the start, so that a burst followed by a stall is caught within
 * one window too. Errors on the source (an aborted request) are passed on, since pipe() does not.
 */
export class UploadPace extends Transform {
  private received = 0;
  private readonly samples: { at: number; received: number }[] = [];
  private readonly deadline: NodeJS.Timeout;
  private readonly sampler: NodeJS.Timeout | null;

  constructor(
    source: NodeJS.ReadableStream,
    private readonly limits: UploadPaceLimits,
  ) {
    super();
    const started = Date.now();
    this.samples.push({ at: started, received: 0 });
    this.deadline = setTimeout(
      () => this.tooSlow(`The upload did not arrive within ${limits.deadlineMs / 1000} s; nothing was checked. Send it again over a faster connection.`),
      limits.deadlineMs,
    );
    this.deadline.unref();
    this.sampler = limits.minBytesPerSecond > 0 ? setInterval(() => this.sample(), Math.min(1000, Math.max(50, limits.windowMs / 5))) : null;
    this.sampler?.unref();
    // The body's reader listens for errors while it reads; once it has stopped (another refusal
    // answered first), a late deadline must not become an unhandled error that ends the process.
    this.on('error', () => undefined);
    source.once('error', (error) => this.destroy(error));
    source.pipe(this);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.stop();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.stop();
    callback(error);
  }

  private sample(): void {
    const now = Date.now();
    this.samples.push({ at: now, received: this.received });
    // The oldest sample still at least a window old is where the window starts.
    while (this.samples.length > 1 && now - this.samples[1].at >= this.limits.windowMs) this.samples.shift();
    const start = this.samples[0];
    if (now - start.at < this.limits.windowMs) return;
    const rate = ((this.received - start.received) * 1000) / (now - start.at);
    if (rate < this.limits.minBytesPerSecond) {
      this.tooSlow(
        `The upload arrived at ${Math.round(rate)} bytes a second; at least ${this.limits.minBytesPerSecond} are needed. Nothing was checked; send it again over a faster connection.`,
      );
    }
  }

  private tooSlow(detail: string): void {
    if (!this.destroyed) this.destroy(new UploadTooSlowError(detail));
  }

  private stop(): void {
    clearTimeout(this.deadline);
    if (this.sampler) clearInterval(this.sampler);
  }
}
