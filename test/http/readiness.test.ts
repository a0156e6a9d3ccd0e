import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { ReaderPool } from '../../src/isolation/readerPool.js';
import { buildApp } from '../../src/http/app.js';
import { testSettings } from '../helper.js';
import { pdfOf, LETTER } from '../ingest/samples.js';

describe('/readyz when the service could not check a letter now', () => {
  it('says NOT_READY when no reader child can start, and refuses letters with 503 NOT_READY and Retry-After', async () => {
    const settings = testSettings({ READER_WORKERS: '1' });
    // 8 MB of heap cannot load the parsers: every child dies starting, as a broken install's would.
    const broken = new ReaderPool({ workers: 1, memoryMb: 8, rssCeilingMb: 512, taskTimeoutMs: 60_000 });
    const app = await buildApp({ settings, checker: await createChecker(settings, { readers: broken }) });
    try {
      await app.checker.ready();
      await expect.poll(async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode, { timeout: 60_000, interval: 250 }).toBe(503);
      const readyz = await app.inject({ method: 'GET', url: '/readyz' });
      expect(readyz.json()).toMatchObject({ code: 'NOT_READY', detail: expect.stringMatching(/reader.*could not start/) });
      const letter = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/pdf' }, payload: await pdfOf([LETTER]) });
      expect(letter.statusCode).toBe(503);
      expect(letter.json()).toMatchObject({ code: 'NOT_READY' });
      expect(Number(letter.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // The process itself is alive: only readiness says no.
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('says NOT_READY when its own memory is past MAX_RSS_MB', async () => {
    // The lowest MAX_RSS_MB the settings take is 256 MB; this test process with its app is past it
    // once it holds a few hundred MB more, which it does here on purpose and lets go after.
    const settings = testSettings({ MAX_RSS_MB: '256' });
    const app = await buildApp({ settings });
    const ballast: Buffer[] = [];
    try {
      await app.checker.ready();
      while (process.memoryUsage.rss() < 300 * 1024 * 1024) ballast.push(Buffer.alloc(32 * 1024 * 1024, 1));
      const readyz = await app.inject({ method: 'GET', url: '/readyz' });
      expect(readyz.statusCode).toBe(503);
      expect(readyz.json()).toMatchObject({ code: 'NOT_READY', detail: expect.stringMatching(/MAX_RSS_MB \(256\)/) });
    } finally {
      ballast.length = 0;
      await app.close();
    }
  });
});
