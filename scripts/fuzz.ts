// npm run fuzz [-- --deadline-ms 15000] [--no-ocr] [--seed 20261201] [--json]
// The whole fuzz corpus (>= 500 hostile and damaged uploads) through the service in this process.
// Every input must get a report or a 4xx problem+json within the deadline; afterwards the service
// must still answer and its memory, once idle readers have ended, be back near where it started.
// Exits 1 on any failure. The test suite runs a quick deterministic slice (test/fuzz/fuzz.test.ts).
import { parseArgs } from 'node:util';
import { createChecker } from '../src/checker.js';
import { loadSettings } from '../src/config/settings.js';
import { createOcrService } from '../src/extract/ocr/createOcrService.js';
import { ReaderPool } from '../src/extract/isolation/readerPool.js';
import { buildApp } from '../src/http/app.js';
import { buildFuzzCorpus } from '../test/fuzz/corpus.js';
import { runFuzz, settledMemory, tally, type MemorySample } from '../test/fuzz/runFuzz.js';
import { LETTER } from '../test/ingest/samples.js';

const { values: args } = parseArgs({
  options: {
    'deadline-ms': { type: 'string', default: '15000' },
    'no-ocr': { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261201' },
    json: { type: 'boolean', default: false },
  },
});
const deadlineMs = Number(args['deadline-ms']);
const MiB = 1024 * 1024;
const mb = (n: number) => `${Math.round(n / MiB)} MB`;
const memory = (m: MemorySample) => `rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}, external ${mb(m.external)}`;

const started = Date.now();
const inputs = await buildFuzzCorpus({ scale: 'full', seed: Number(args.seed) });
console.error(`${inputs.length} inputs built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const settings = loadSettings({
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  REQUEST_TIMEOUT_MS: String(deadlineMs),
  RATE_LIMIT_PER_MINUTE: '1000000',
  OCR_WORKERS: args['no-ocr'] ? '0' : (process.env.OCR_WORKERS ?? '1'),
});
const pool = new ReaderPool({
  workers: Math.max(1, settings.READER_WORKERS),
  memoryMb: settings.READER_MEMORY_MB,
  taskTimeoutMs: deadlineMs,
  rssCeilingMb: settings.READER_RSS_MB,
});
const ocr = settings.OCR_WORKERS > 0 ? createOcrService(settings) : null;
const app = await buildApp({ settings, checker: await createChecker(settings, { readers: pool, ocr }) });
await Promise.all([app.checker.ready(), app.checker.warm()]);
await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER });
const before = settledMemory();
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);

const outcomes = await runFuzz(app, inputs, {
  deadlineMs,
  onOutcome: (o, i) => {
    if (o.failure || o.ms > 2000) console.error(`${String(i + 1).padStart(4)} ${String(o.ms).padStart(6)} ms  ${o.answer.padEnd(24)} ${o.name}${o.failure ? `  FAILED: ${o.failure}` : ''}`);
    else if ((i + 1) % 50 === 0) console.error(`${String(i + 1).padStart(4)} done`);
  },
});
clearInterval(sampler);
const afterRun = settledMemory();
const health = (await app.inject({ method: 'GET', url: '/healthz' })).statusCode;
const letter = (await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER })).statusCode;
const idle = Date.now();
while (pool.stats().workers > 0 && Date.now() - idle < 10_000) await new Promise((r) => setTimeout(r, 200));
const afterIdle = settledMemory();
const poolStats = pool.stats();
await app.close();

const failures = outcomes.filter((o) => o.failure);
const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 8);
const rssGrowth = (afterIdle.rss - before.rss) / before.rss;
const summary = {
  inputs: outcomes.length,
  failures: failures.length,
  answers: Object.fromEntries(tally(outcomes)),
  deadlineMs,
  slowest: slowest.map((o) => ({ ms: o.ms, answer: o.answer, name: o.name })),
  readers: { replaced: poolStats.replaced },
  memory: { before, afterRun, afterIdle, peakRss, rssGrowthAfterIdle: Math.round(rssGrowth * 1000) / 10 },
  stillServing: { health, letter },
  seconds: Math.round((Date.now() - started) / 1000),
};

if (args.json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  console.log(`\n${summary.inputs} inputs, ${summary.failures} failures, ${summary.seconds} s (deadline ${deadlineMs} ms)`);
  for (const [answer, count] of tally(outcomes)) console.log(`  ${String(count).padStart(4)}  ${answer}`);
  console.log('slowest:');
  for (const o of slowest) console.log(`  ${String(o.ms).padStart(6)} ms  ${o.answer.padEnd(24)} ${o.name}`);
  console.log(`reader workers replaced (watchdog, memory cap, crash): ${poolStats.replaced}`);
  console.log(`memory before: ${memory(before)}\nmemory after the run: ${memory(afterRun)}\nmemory once idle readers ended: ${memory(afterIdle)} (${summary.memory.rssGrowthAfterIdle}% rss)\npeak rss: ${mb(peakRss)}`);
  console.log(`still serving: /healthz ${health}, a letter ${letter}`);
  for (const f of failures) console.log(`FAILED  ${f.name}: ${f.failure}`);
}
const ok = failures.length === 0 && health === 200 && letter === 200 && afterIdle.heapUsed - before.heapUsed < 50 * MiB;
process.exit(ok ? 0 : 1);
