import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { ReaderPool } from '../../src/isolation/readerPool.js';
import { createOcrService } from '../../src/extract/ocr/createOcrService.js';
import { buildApp } from '../../src/http/app.js';
import { fixtureLetter, type FixtureLetter } from '../cli/fixtureLetters.js';
import { withSiblingLoop } from '../fuzz/compoundFile.js';
import { settledMemory } from '../fuzz/runFuzz.js';
import { testSettings } from '../helper.js';
import { slowPdf } from '../ingest/samples.js';

const PDFJS = new URL('../data/corpora/pdfjs/', import.meta.url);
const MiB = 1024 * 1024;

async function send(app: FastifyInstance, bytes: Buffer, contentType: string, query = '') {
  return app.inject({ method: 'POST', url: `/v1/validate${query}`, headers: { 'content-type': contentType }, payload: bytes });
}

/** The fixture letter, sent as a student would, must still come back `complete`. */
async function expectStillComplete(app: FastifyInstance, letter: FixtureLetter) {
  const query = `?${new URLSearchParams(letter.label.request as Record<string, string>)}`;
  const answer = await send(app, letter.bytes, letter.mediaType, query);
  expect(answer.statusCode, answer.body.slice(0, 200)).toBe(200);
  expect(answer.json().verdict).toBe('complete');
}

/**
 * Issue 10: documents that made a parser allocate without bound, natively or in the JavaScript heap,
 * took the whole service with them (or kept its memory until a restart). In a reader child each
 * costs that child only: the letter is refused, the next letter is read as if nothing happened,
 * and this process's memory is where it was.
 */
describe('a runaway document costs its reader child, never the service', () => {
  // OCR on, as in the service: pages without a text layer are rendered for it, which is where
  // pdf.js ran away on the JBIG2 files. One reader child, so the next letter meets its successor.
  const settings = testSettings({ READER_WORKERS: '1', OCR_WORKERS: '1', RATE_LIMIT_PER_MINUTE: '10000' });
  let app: FastifyInstance;
  let pool: ReaderPool;
  let letter: FixtureLetter;
  let before: number;

  beforeAll(async () => {
    letter = await fixtureLetter('text/pdfkit-classic-01.pdf');
    pool = new ReaderPool({ workers: 1, memoryMb: settings.READER_MEMORY_MB, rssCeilingMb: settings.READER_RSS_MB, taskTimeoutMs: settings.REQUEST_TIMEOUT_MS });
    const ocr = createOcrService(settings);
    app = await buildApp({ settings, checker: await createChecker(settings, { readers: pool, ocr }) });
    await Promise.all([app.checker.ready(), app.checker.warm()]);
    // Warm: a first letter, so the baseline is a service that has read one.
    await expectStillComplete(app, letter);
    before = settledMemory().rss;
  });
  afterAll(() => app?.close());

  it.each(['issue20439.pdf', 'bitmap-symbol-context-reuse.pdf'])(
    'refuses pdf.js test file %s with DOCUMENT_TOO_COMPLEX, then reads a letter as before, its own memory no more than a tenth above where it was',
    async (name) => {
      const replaced = pool.stats().replaced;
      const answer = await send(app, readFileSync(new URL(name, PDFJS)), 'application/pdf');
      expect(answer.statusCode).toBe(422);
      expect(answer.json()).toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX' });
      // The child went past its ceiling and was killed; it is not this process that held the memory.
      expect(pool.stats().replaced).toBe(replaced + 1);
      expect(pool.stats().peakRssMb).toBeGreaterThanOrEqual(settings.READER_RSS_MB);
      await expectStillComplete(app, letter);
      const after = settledMemory().rss;
      console.info(`${name}: this process's RSS ${Math.round(before / MiB)} MB before, ${Math.round(after / MiB)} MB after; the child peaked at ${pool.stats().peakRssMb} MB`);
      expect(after).toBeLessThan(before * 1.1);
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    },
  );

  it('answers pdf.js test file tiling-pattern-large-steps.pdf, and keeps none of its memory', async () => {
    const after = () => {
      const rss = settledMemory().rss;
      console.info(`tiling-pattern-large-steps.pdf: this process's RSS ${Math.round(before / MiB)} MB before, ${Math.round(rss / MiB)} MB after`);
      return rss;
    };
    const answer = await send(app, readFileSync(new URL('tiling-pattern-large-steps.pdf', PDFJS)), 'application/pdf');
    // Its 4000 x 400 pt page renders to ~28 MP; whether that passes the ceiling or not, the answer is
    // the letter's own (a report, or a problem for it) and nothing stays behind here.
    expect([200, 422]).toContain(answer.statusCode);
    console.info(`tiling-pattern-large-steps.pdf: answered ${answer.statusCode} ${answer.statusCode === 200 ? answer.json().verdict : answer.json().code}`);
    await expectStillComplete(app, letter);
    expect(after()).toBeLessThan(before * 1.1);
  });

  it('answers an Outlook message whose directory loops with a 4xx problem, and keeps serving', async () => {
    const msg = withSiblingLoop(readFileSync(new URL('../../fixtures/text/msg-01.msg', import.meta.url)));
    const answer = await send(app, msg, 'application/vnd.ms-outlook');
    expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    expect(answer.statusCode).toBeLessThan(500);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json().code).toBe('DOCUMENT_UNREADABLE');
    await expectStillComplete(app, letter);
  });
});

describe('a reader child past its deadline', () => {
  const settings = testSettings({ READER_WORKERS: '1', REQUEST_TIMEOUT_MS: '2000', RATE_LIMIT_PER_MINUTE: '10000' });
  let app: FastifyInstance;
  let pool: ReaderPool;
  beforeAll(async () => {
    pool = new ReaderPool({ workers: 1, memoryMb: 512, rssCeilingMb: 1024, taskTimeoutMs: settings.REQUEST_TIMEOUT_MS });
    app = await buildApp({ settings, checker: await createChecker(settings, { readers: pool }) });
    await Promise.all([app.checker.ready(), app.checker.warm()]);
  });
  afterAll(() => app?.close());

  it('is killed, the letter answered PROCESSING_TIMEOUT, and the next letter read by its successor', async () => {
    const answer = await send(app, slowPdf(), 'application/pdf');
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'PROCESSING_TIMEOUT' });
    expect(pool.stats().replaced).toBe(1);
    // Its successor starts at once, by itself (from the sources, under tsx, that can take longer than
    // this test's 2 s deadline; built, about half a second).
    await expect.poll(() => pool.stats().ready, { timeout: 30_000 }).toBe(1);
    const letter = await fixtureLetter('text/pdfkit-classic-01.pdf');
    const next = await send(app, letter.bytes, letter.mediaType, `?${new URLSearchParams(letter.label.request as Record<string, string>)}`);
    expect(next.statusCode, next.body.slice(0, 200)).toBe(200);
  });
});
