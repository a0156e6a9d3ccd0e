// npm run fuzz [-- --deadline-ms 15000] [--no-ocr] [--seed 20261201] [--json] [--limit N]
// The whole fuzz corpus (crafted, byte-level, structured CFB/zip/MIME mutations and other projects'
// test files; over 500 inputs) against the built service in a process of its own, as npm start runs
// it, over HTTP. Every input must get a report or a 4xx problem+json within the deadline; after
// every 50, a fixture letter must still be complete; the service process must never exit and never
// answer 5xx. Exits 1 on any failure. The test suite runs a quick slice (test/fuzz/fuzz.test.ts).
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { residentBytes } from '../src/isolation/residentBytes.js';
import { buildFuzzCorpus } from '../test/fuzz/corpus.js';
import { fixtureStillComplete, runFuzz, tally, type SendLetter } from '../test/fuzz/runFuzz.js';

const { values: args } = parseArgs({
  options: {
    'deadline-ms': { type: 'string', default: '15000' },
    'no-ocr': { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261201' },
    json: { type: 'boolean', default: false },
    limit: { type: 'string' },
  },
});
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const deadlineMs = Number(args['deadline-ms']);
const MiB = 1024 * 1024;
const mb = (n: number | null) => (n === null ? '?' : `${Math.round(n / MiB)} MB`);

const started = Date.now();
const corpus = await buildFuzzCorpus({ scale: 'full', seed: Number(args.seed) });
const inputs = args.limit ? corpus.slice(0, Number(args.limit)) : corpus;
console.error(`${inputs.length} inputs built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (!process.env.NOBUILD) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
const port = await freePort();
const server = spawn(process.execPath, ['dist/http/server.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    REQUEST_TIMEOUT_MS: String(deadlineMs),
    RATE_LIMIT_PER_MINUTE: '1000000',
    OCR_WORKERS: args['no-ocr'] ? '0' : (process.env.OCR_WORKERS ?? '1'),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let exited: string | null = null;
server.on('exit', (code, signal) => (exited = `code ${code}, signal ${signal}`));
// What the service says about its readers (warn and above: children ended, failed starts); never a letter.
const readerEvents = new Map<string, number>();
const otherLogs: string[] = [];
createInterface({ input: server.stdout! }).on('line', (line) => {
  try {
    const entry = JSON.parse(line) as { msg?: string; reader?: { reason?: string; type?: string } };
    const key = entry.reader ? `${entry.reader.type} ${entry.reader.reason ?? ''}`.trim() : null;
    if (key) readerEvents.set(key, (readerEvents.get(key) ?? 0) + 1);
    else otherLogs.push(entry.msg ?? line.slice(0, 120));
  } catch {
    otherLogs.push(line.slice(0, 120));
  }
});

const base = `http://127.0.0.1:${port}`;
const send: SendLetter = async (bytes, contentType, query = '') => {
  const response = await fetch(`${base}/v1/validate${query}`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': contentType } });
  return { statusCode: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
};
await waitReady();
const warm = await fixtureStillComplete(send);
if (warm) throw new Error(`before the fuzz: ${warm}`);

/** The service's resident size, and its reader children's together (their memory is theirs, bounded each by READER_RSS_MB). */
function memory(): { service: number | null; readers: number } {
  const children = execFileSync('ps', ['--ppid', String(server.pid), '-o', 'pid=']).toString().split('\n').map(Number).filter(Boolean);
  return { service: residentBytes(server.pid!), readers: children.reduce((n, pid) => n + (residentBytes(pid) ?? 0), 0) };
}
await new Promise((r) => setTimeout(r, 1000));
const before = memory();
let peak = { service: before.service ?? 0, readers: before.readers };
const sampler = setInterval(() => {
  if (exited) return;
  const now = memory();
  peak = { service: Math.max(peak.service, now.service ?? 0), readers: Math.max(peak.readers, now.readers) };
}, 250);

const run = await runFuzz(send, inputs, {
  deadlineMs,
  onOutcome: (o, i) => {
    if (o.failure || o.ms > 3000) console.error(`${String(i + 1).padStart(4)} ${String(o.ms).padStart(6)} ms  ${o.answer.padEnd(24)} ${o.name}${o.failure ? `  FAILED: ${o.failure}` : ''}`);
  },
  fixtureCheck: {
    every: 50,
    onCheck: (after, failure) => {
      const now = exited ? null : memory();
      console.error(`${String(after).padStart(4)} done; fixture letter ${failure ?? 'complete'}; service ${mb(now?.service ?? null)}, readers ${mb(now?.readers ?? null)}`);
    },
  },
});
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 2000));
const after = exited ? null : memory();
const health = exited ? 0 : (await fetch(`${base}/healthz`)).status;
const ready = exited ? 0 : (await fetch(`${base}/readyz`)).status;
const lastLetter = exited ? 'the service is gone' : await fixtureStillComplete(send);
const serviceExited = exited;
server.kill('SIGTERM');

const { outcomes, checks } = run;
const failures = outcomes.filter((o) => o.failure);
const fiveHundreds = outcomes.filter((o) => o.status >= 500 || o.status === 0);
const failedChecks = checks.filter((c) => c.failure);
const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 8);
const summary = {
  inputs: outcomes.length,
  failures: failures.length,
  serverErrors: fiveHundreds.length,
  serviceExits: serviceExited ? 1 : 0,
  fixtureChecks: { made: checks.length, failed: failedChecks.length },
  answers: Object.fromEntries(tally(outcomes)),
  deadlineMs,
  slowest: slowest.map((o) => ({ ms: o.ms, answer: o.answer, name: o.name })),
  readerEvents: Object.fromEntries(readerEvents),
  memory: {
    serviceBefore: mb(before.service),
    serviceAfter: mb(after?.service ?? null),
    servicePeak: mb(peak.service),
    readersBefore: mb(before.readers),
    readersAfter: mb(after?.readers ?? null),
    readersPeak: mb(peak.readers),
  },
  stillServing: { health, ready, fixtureLetter: lastLetter ?? 'complete' },
  seconds: Math.round((Date.now() - started) / 1000),
};

if (args.json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  console.log(`\n${summary.inputs} inputs, ${summary.failures} failures, ${summary.serverErrors} 5xx, ${summary.serviceExits} service exits, ${summary.seconds} s (deadline ${deadlineMs} ms)`);
  console.log(`fixture letter checked ${checks.length} times (after every 50 inputs): ${failedChecks.length === 0 ? 'complete every time' : `${failedChecks.length} failed`}`);
  for (const [answer, count] of tally(outcomes)) console.log(`  ${String(count).padStart(4)}  ${answer}`);
  console.log('slowest:');
  for (const o of slowest) console.log(`  ${String(o.ms).padStart(6)} ms  ${o.answer.padEnd(24)} ${o.name}`);
  console.log(`reader children ended or failing, as the service logged them: ${[...readerEvents].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  console.log(`service RSS: ${summary.memory.serviceBefore} before, ${summary.memory.servicePeak} at peak, ${summary.memory.serviceAfter} after`);
  console.log(`reader children RSS (together): ${summary.memory.readersBefore} before, ${summary.memory.readersPeak} at peak, ${summary.memory.readersAfter} after`);
  console.log(`still serving: /healthz ${health}, /readyz ${ready}, fixture letter ${summary.stillServing.fixtureLetter}`);
  if (otherLogs.length) console.log(`other warnings logged: ${otherLogs.length} (${[...new Set(otherLogs)].slice(0, 5).join('; ')})`);
  for (const f of failures) console.log(`FAILED  ${f.name}: ${f.failure}`);
  for (const c of failedChecks) console.log(`FAILED  fixture check after ${c.after}: ${c.failure}`);
}
const ok = failures.length === 0 && fiveHundreds.length === 0 && !serviceExited && failedChecks.length === 0 && health === 200 && ready === 200 && lastLetter === null;
process.exit(ok ? 0 : 1);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (exited) throw new Error(`the service exited while starting (${exited})`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not become ready');
}
