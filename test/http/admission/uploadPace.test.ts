import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UploadPace } from '../../../src/http/admission/uploadPace.js';

/** Reads the paced stream to its end, or to its error. */
function readAll(paced: UploadPace): Promise<{ bytes: Buffer } | { error: Error & { code?: string; statusCode?: number } }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    paced.on('data', (c: Buffer) => chunks.push(c));
    paced.on('end', () => resolve({ bytes: Buffer.concat(chunks) }));
    paced.on('error', (error) => resolve({ error }));
  });
}

/** Writes `chunk` every `everyMs` until stopped. */
function trickle(source: PassThrough, chunk: Buffer, everyMs: number) {
  const timer = setInterval(() => !source.destroyed && source.write(chunk), everyMs);
  return () => clearInterval(timer);
}

describe('UploadPace', () => {
  it('passes a body that arrives in time through unchanged', async () => {
    const source = new PassThrough();
    const paced = new UploadPace(source, { deadlineMs: 5000, minBytesPerSecond: 1000, windowMs: 200 });
    const read = readAll(paced);
    const body = Buffer.from('Dear Priya Raman, '.repeat(1000));
    source.write(body.subarray(0, 5000));
    source.end(body.subarray(5000));
    expect(await read).toEqual({ bytes: body });
  });

  it('fails with 408 UPLOAD_TOO_SLOW at the deadline, however fast the bytes come', async () => {
    const source = new PassThrough();
    const paced = new UploadPace(source, { deadlineMs: 300, minBytesPerSecond: 0, windowMs: 100 });
    const stop = trickle(source, Buffer.alloc(10_000), 20);
    const result = await readAll(paced);
    stop();
    expect(result).toMatchObject({ error: { code: 'UPLOAD_TOO_SLOW', statusCode: 408 } });
    expect('error' in result && result.error.message).toMatch(/did not arrive within 0.3 s/);
  });

  it('fails when a window passes below the minimum rate: a trickle, and a burst followed by a stall', async () => {
    const trickling = new PassThrough();
    const slow = readAll(new UploadPace(trickling, { deadlineMs: 60_000, minBytesPerSecond: 10_000, windowMs: 200 }));
    const stop = trickle(trickling, Buffer.from('x'), 10);
    expect(await slow).toMatchObject({ error: { code: 'UPLOAD_TOO_SLOW' } });
    stop();

    const stalling = new PassThrough();
    const stalled = readAll(new UploadPace(stalling, { deadlineMs: 60_000, minBytesPerSecond: 10_000, windowMs: 200 }));
    stalling.write(Buffer.alloc(1_000_000)); // far above the rate on average, then nothing
    const result = await stalled;
    expect(result).toMatchObject({ error: { code: 'UPLOAD_TOO_SLOW' } });
    expect('error' in result && result.error.message).toMatch(/arrived at 0 bytes a second; at least 10000 are needed/);
  });

  it("passes the source's error on (an aborted request), which pipe() alone does not", async () => {
    const source = new PassThrough();
    const read = readAll(new UploadPace(source, { deadlineMs: 5000, minBytesPerSecond: 0, windowMs: 1000 }));
    source.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    expect(await read).toMatchObject({ error: { code: 'ECONNRESET' } });
  });
});
