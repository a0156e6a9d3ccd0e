import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { ReaderPool } from '../../src/isolation/readerPool.js';
import { buildApp } from '../../src/http/app.js';
import { testSettings } from '../helper.js';
import { LETTER } from '../ingest/samples.js';
import { buildFuzzCorpus, type FuzzInput } from './corpus.js';
import { injecting, runFuzz, settledMemory, tally, type FuzzRun, type MemorySample } from './runFuzz.js';

const DEADLINE_MS = 10_000;
const MiB = 1024 * 1024;

/**
 * The quick, deterministic fuzz run of the test suite (the whole corpus: `npm run fuzz`). Every
 * input must get a report or a 4xx problem+json within the deadline, a fixture letter must still be
 * complete after 50 of them; afterwards the service still answers, and its memory is back near
 * where it started (whatever the parsers allocated was their reader children's).
 */
describe('fuzz (quick)', () => {
  let inputs: FuzzInput[];
  let app: FastifyInstance;
  let pool: ReaderPool;
  let run: FuzzRun;
  let before: MemorySample;

  beforeAll(async () => {
    inputs = await buildFuzzCorpus({ scale: 'quick' });
    const settings = testSettings({
      REQUEST_TIMEOUT_MS: String(DEADLINE_MS),
      RATE_LIMIT_PER_MINUTE: '100000',
      MAX_IMAGE_PIXELS: '10000000',
      MAX_PDF_DECODED_BYTES: String(64 * MiB),
    });
    // Its own pool, so the test can see what its children went through. Two children, as the service
    // runs by default: while one killed by an input is replaced, the other reads the next.
    pool = new ReaderPool({ workers: 2, memoryMb: settings.READER_MEMORY_MB, rssCeilingMb: settings.READER_RSS_MB, taskTimeoutMs: DEADLINE_MS });
    app = await buildApp({ settings, checker: await createChecker(settings, { readers: pool }) });
    await Promise.all([app.checker.ready(), app.checker.warm()]);
    // A normal letter first, so that what the baseline holds is a warm service, not a cold one.
    await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER });
    before = settledMemory();
    run = await runFuzz(injecting(app), inputs, { deadlineMs: DEADLINE_MS, fixtureCheck: { every: 50 } });
  }, 300_000);
  afterAll(() => app?.close());

  it('has about ninety inputs of every hostile kind, structured and from other projects\' corpora', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(80);
    const names = inputs.map((i) => i.name).join('\n');
    for (const kind of [/truncated/, /bits flipped/, /magic number/, /declaring 100000 x 100000/, /zip bomb|inflates/, /nested \d+ deep/, /^empty$/m, / CFB: .*sibling is itself/, / zip: /, / MIME: /, /^pdfjs\//m, /^msgreader\//m]) {
      expect(names).toMatch(kind);
    }
  });

  it('answers every input with a report or a 4xx problem+json, within the deadline, the fixture letter still complete after 50', () => {
    const { outcomes, checks } = run;
    const failures = outcomes.filter((o) => o.failure).map((o) => `${o.name}: ${o.failure}`);
    expect(failures).toEqual([]);
    expect(outcomes).toHaveLength(inputs.length);
    expect(checks).toEqual([{ after: 50, failure: null }]);
    // Not everything is refused: damaged letters that still read give reports.
    const answers = Object.fromEntries(tally(outcomes));
    // An Outlook directory that loops (it filled msgreader's heap) is refused by the compound-file check before msgreader runs.
    const loops = outcomes.filter((o) => / CFB: .*sibling is itself/.test(o.name));
    expect(loops.length).toBeGreaterThanOrEqual(1);
    expect(loops.map((o) => o.answer)).toEqual(loops.map(() => 'DOCUMENT_UNREADABLE'));
    expect(answers.report).toBeGreaterThan(5);
    expect(answers.ARCHIVE_LIMIT_EXCEEDED).toBeGreaterThan(5);
    expect(answers.IMAGE_TOO_LARGE).toBeGreaterThan(5);
  });

  it('is still serving afterwards, with its memory back near where it started', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const letter = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER });
    expect(letter.statusCode).toBe(200);
    // The parsers' memory was the reader children's: this process holds what it held before.
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0 });
    const after = settledMemory();
    expect(after.heapUsed - before.heapUsed).toBeLessThan(25 * MiB);
    expect(after.rss - before.rss).toBeLessThan(100 * MiB);
  });
});
