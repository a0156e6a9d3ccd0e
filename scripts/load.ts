// npm run load [-- --duration 60 --connections 50 --mix pdf:4,docx:3,image:1 --slow 50 --redis --workers 2
//                  --burst 40 --deadline-ms 20000 --no-build --json]
// Starts the built service as its own process on 127.0.0.1 (node dist/http/server.js), waits for
// /readyz, warms it, then drives it from this process over `--connections` keep-alive connections
// for `--duration` seconds with a mix of text PDFs, Word letters and photos from fixtures/, each
// connection sending one request after another. Reports requests per second and, by kind (text:
// PDF and Word; photo: images read by OCR), p50/p97.5/p99 latency and status codes, the 503s and
// how fast they came, the resident memory of the service (and of each worker) before, at peak, at
// the end and once idle (--settle-seconds, 70: reader workers end after 60 s idle), then stops
// everything with SIGTERM and reports how it shut down.
//
// --redis: the fleet instead of one process: starts a redis-server of its own (no persistence,
// a free port), the API with REDIS_URL, and --workers worker processes (node dist/worker/main.js,
// 1 by default), each with its own reader and OCR pools.
// --burst N: instead of the mix, N photos sent at once, each on its own connection: with admission
// by deadline none may run past the deadline (--deadline-ms sets REQUEST_TIMEOUT_MS) and the excess
// must be refused 503 at once.
// --slow N adds N slow clients beside the mix, each from its own loopback address and without a key,
// as students would be: each announces a letter and sends it a few bytes at a time, and when the
// service ends the upload, reads the answer, waits as Retry-After says and starts again, for the
// whole run. The mix must still be served, or refused with a readable 503.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { freePort, startRedis, type RedisServer } from '../test/fleet/redisServer.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    mix: { type: 'string', default: 'pdf:4,docx:3,image:1' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'settle-seconds': { type: 'string', default: '70' },
    slow: { type: 'string', default: '0' },
    redis: { type: 'boolean', default: false },
    workers: { type: 'string', default: '1' },
    burst: { type: 'string', default: '0' },
    'deadline-ms': { type: 'string' },
  },
});
const HOST = '127.0.0.1';
const ROOT = new URL('..', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(`fixtures/${path}`, ROOT));
const log = (message: string) => console.error(`[load] ${message}`);

// Text PDFs from both producers, Word letters of each layout, and images a student would send.
const LETTERS = {
  pdf: ['text/pdfkit-classic-01.pdf', 'text/pdfkit-table-06.pdf', 'text/chromium-flex-03.pdf', 'text/chromium-table-04.pdf', 'text/pdfkit-twocol-02.pdf'],
  docx: ['text/docx-header-01.docx', 'text/docx-table-05.docx', 'text/docx-textbox-04.docx'],
  image: ['ocr/png-clean-01.png', 'ocr/jpeg-photo-07.jpg', 'ocr/webp-14.webp'],
} as const;
type LetterKind = keyof typeof LETTERS;
const TYPES: Record<string, string> = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };
/** What the figures are reported by: letters read from their text, and photos read by OCR. */
const REPORTED_AS: Record<LetterKind, 'text' | 'photo'> = { pdf: 'text', docx: 'text', image: 'photo' };

interface LoadRequest {
  kind: 'text' | 'photo';
  contentType: string;
  body: Buffer;
}

interface Outcome {
  kind: 'text' | 'photo';
  status: number | string;
  ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

function latencies(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p97_5: percentile(sorted, 97.5), p99: percentile(sorted, 99), max: Math.round(sorted.at(-1) ?? 0) };
}

/** Resident memory of a process and all its descendants (reader or OCR child processes), from /proc (Linux). */
function rssOfTree(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += rssOfTree(Number(child));
    }
  } catch {
    // the process has ended
  }
  return total;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface SlowOutcome {
  /** The status the service answered with, or what happened instead. */
  outcome: string;
  heldMs: number;
}

/**
 * One slow client for `untilMs`: announces a 200 kB PDF and sends 10 bytes every half second,
 * again and again; each connection's outcome is what the service answered (or a socket error, or
 * a close without an answer) and how long it was held.
 */
async function slowClient(port: number, localAddress: string, untilMs: number, outcomes: SlowOutcome[]): Promise<void> {
  while (Date.now() < untilMs) {
    const started = Date.now();
    const { outcome, retryAfter } = await new Promise<{ outcome: string; retryAfter: number }>((resolve) => {
      const socket = connect({ port, host: HOST, localAddress });
      let answer = '';
      let error: string | null = null;
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(`POST /v1/validate HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/pdf\r\nContent-Length: 200000\r\n\r\n%PDF-1.7\n`);
        timer = setInterval(() => socket.writable && socket.write('0123456789'), 500);
      });
      socket.on('data', (d) => (answer += d.toString('latin1')));
      socket.on('end', () => socket.end());
      socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
      socket.on('close', () => {
        clearInterval(timer);
        const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
        const retryAfter = Number(/retry-after: (\d+)/i.exec(answer)?.[1] ?? 1);
        resolve({ outcome: status ?? (error ? `socket error ${error}` : 'closed without an answer'), retryAfter });
      });
      // The run is over: stop this upload where it is.
      setTimeout(() => socket.destroy(), Math.max(0, untilMs - Date.now())).unref();
    });
    if (Date.now() >= untilMs && outcome === 'closed without an answer') break;
    outcomes.push({ outcome, heldMs: Date.now() - started });
    await new Promise((r) => setTimeout(r, Math.min(retryAfter, 10) * 1000));
  }
}

/** One request, timed from its first byte sent to its whole answer read. */
async function send(base: string, apiKey: string, request: LoadRequest): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': request.contentType, authorization: `Bearer ${apiKey}` },
      body: new Uint8Array(request.body),
      signal: AbortSignal.timeout(180_000),
    });
    await response.arrayBuffer();
    return { kind: request.kind, status: response.status, ms: performance.now() - started };
  } catch (error) {
    return { kind: request.kind, status: (error as Error).name === 'TimeoutError' ? 'timeout' : 'socket error', ms: performance.now() - started };
  }
}

/** `connections` loops, each sending the next request of the mix as soon as its last one is answered, until `durationMs` is over. */
async function drive(base: string, apiKey: string, requests: LoadRequest[], connections: number, durationMs: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const until = Date.now() + durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) outcomes.push(await send(base, apiKey, requests[next++ % requests.length]));
    }),
  );
  return outcomes;
}

interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: string[];
}

function startProcess(name: string, script: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d: Buffer) => output.push(...d.toString().split('\n').filter(Boolean).slice(-50)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  return { name, child, exited, output };
}

if (!args['no-build']) {
  log('building dist/ (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: ROOT });
}
for (const entry of ['dist/http/server.js', 'dist/worker/main.js']) {
  if (!existsSync(new URL(entry, ROOT))) throw new Error(`${entry} is missing: run npm run build`);
}

const workerCount = args.redis ? Math.max(1, Number(args.workers)) : 0;
const burst = Number(args.burst);
const port = await freePort();
const apiKey = randomBytes(24).toString('base64url');
const base = `http://${HOST}:${port}`;
const redis: RedisServer | null = args.redis ? await startRedis() : null;
const sharedEnv: Record<string, string> = {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // As recommended for deployment (README, operations): glibc's default of 8 arenas per core keeps
  // what sharp's and the OCR threads' bursts allocated; with 2 the RSS returns to within a few % after load.
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  ...(args['deadline-ms'] ? { REQUEST_TIMEOUT_MS: args['deadline-ms'] } : {}),
  ...(redis ? { REDIS_URL: redis.url, JOB_ENCRYPTION_KEY: randomBytes(32).toString('base64') } : {}),
};
const server = startProcess('api', 'dist/http/server.js', {
  ...sharedEnv,
  HOST,
  PORT: String(port),
  // The pipeline's way in: one key, its own (high) limit; students' per-address limit is not under test.
  API_KEYS: apiKey,
  RATE_LIMIT_KEYED_PER_MINUTE: process.env.RATE_LIMIT_KEYED_PER_MINUTE ?? '1000000',
});
const workers = Array.from({ length: workerCount }, (_, i) => startProcess(`worker ${i + 1}`, 'dist/worker/main.js', sharedEnv));
const everyone = [server, ...workers];
const mb = (n: number) => Math.round(n / (1024 * 1024));

try {
  await waitUntil(async () => {
    const response = await fetch(`${base}/readyz`);
    if (response.status !== 200) return false;
    const ready = (await response.json()) as { workers?: number };
    return !redis || ready.workers === workerCount;
  }, 180_000, '/readyz');
  log(`${redis ? `fleet: API ${server.child.pid}, ${workerCount} worker(s), redis-server on ${redis.url}` : `one process: ${server.child.pid}`}, ready on ${base}`);

  const weights = Object.fromEntries(args.mix.split(',').map((part) => part.split(':')).map(([kind, n]) => [kind, Number(n)])) as Record<LetterKind, number>;
  const requests: LoadRequest[] = [];
  const counters: Record<string, number> = { pdf: 0, docx: 0, image: 0 };
  // Interleaved, so that every connection sends the mix in the same proportions.
  const rounds = Math.max(...Object.values(weights));
  for (let round = 0; round < rounds; round++) {
    for (const kind of Object.keys(LETTERS) as LetterKind[]) {
      if (round >= (weights[kind] ?? 0)) continue;
      const files = LETTERS[kind];
      const file = files[counters[kind]++ % files.length];
      requests.push({ kind: REPORTED_AS[kind], contentType: TYPES[file.split('.').pop()!], body: fixture(file) });
    }
  }
  log(`mix per cycle: ${requests.length} requests (${Object.entries(weights).map(([k, n]) => `${n} ${k}`).join(', ')})`);

  // Warm: every letter of the mix once, so the baseline is a service that has loaded what it uses.
  const warmMs: Record<string, number[]> = { text: [], photo: [] };
  for (const request of requests) {
    const outcome = await send(base, apiKey, request);
    if (outcome.status !== 200) throw new Error(`warm-up request answered ${outcome.status}`);
    warmMs[request.kind].push(Math.round(outcome.ms));
  }
  log(`warm-up, one at a time: text ${warmMs.text.join(', ')} ms; photo ${warmMs.photo.join(', ')} ms`);
  await new Promise((r) => setTimeout(r, 2000));
  const rssBefore = everyone.map((p) => rssOfTree(p.child.pid!));
  const rssPeak = [...rssBefore];
  const sampler = setInterval(() => everyone.forEach((p, i) => (rssPeak[i] = Math.max(rssPeak[i], rssOfTree(p.child.pid!)))), 200);
  const loadBefore = loadavg()[0];

  const slowCount = Number(args.slow);
  const slowOutcomes: SlowOutcome[] = [];
  const durationMs = Number(args.duration) * 1000;
  const slowClients = Array.from({ length: slowCount }, (_, i) => slowClient(port, `127.0.0.${10 + i}`, Date.now() + durationMs, slowOutcomes));
  const started = Date.now();
  let outcomes: Outcome[];
  if (burst > 0) {
    const photos = requests.filter((r) => r.kind === 'photo');
    log(`sending ${burst} photos at once`);
    outcomes = await Promise.all(Array.from({ length: burst }, (_, i) => send(base, apiKey, photos[i % photos.length])));
  } else {
    log(`running ${args.connections} connections for ${args.duration} s${slowCount ? `, beside ${slowCount} slow clients` : ''}`);
    outcomes = await drive(base, apiKey, requests, Number(args.connections), durationMs);
  }
  const elapsedMs = Date.now() - started;
  await Promise.all(slowClients);
  clearInterval(sampler);
  const loadDuring = loadavg()[0];
  const rssAtEnd = everyone.map((p) => rssOfTree(p.child.pid!));
  await new Promise((r) => setTimeout(r, Number(args['settle-seconds']) * 1000));
  const rssAfter = everyone.map((p) => rssOfTree(p.child.pid!));

  const statuses = (list: Outcome[]) => Object.fromEntries([...new Set(list.map((o) => String(o.status)))].sort().map((s) => [s, list.filter((o) => String(o.status) === s).length]));
  const byKind = Object.fromEntries(
    (['text', 'photo'] as const).map((kind) => {
      const mine = outcomes.filter((o) => o.kind === kind);
      return [kind, { statusCodes: statuses(mine), latencyMs: latencies(mine.map((o) => o.ms)), answered200Ms: latencies(mine.filter((o) => o.status === 200).map((o) => o.ms)) }];
    }),
  );
  const refused = outcomes.filter((o) => o.status === 503);
  const errors = outcomes.filter((o) => o.status !== 200 && o.status !== 503).length;
  const deadlineMs = Number(args['deadline-ms'] ?? 60_000);

  log('stopping everything with SIGTERM');
  const stopAt = Date.now();
  for (const p of everyone) p.child.kill('SIGTERM');
  const exits = await Promise.all(everyone.map((p) => p.exited));
  const shutdownMs = Date.now() - stopAt;
  await redis?.stop();

  const figures = {
    mode: redis ? `fleet (redis, ${workerCount} worker${workerCount > 1 ? 's' : ''})` : 'one process',
    run: burst > 0 ? `burst of ${burst} photos at once` : `${args.connections} connections for ${args.duration} s, mix ${args.mix}`,
    deadlineMs,
    requests: outcomes.length,
    requestsPerSecond: Math.round((outcomes.length / (elapsedMs / 1000)) * 10) / 10,
    byKind,
    refused503: { count: refused.length, latencyMs: latencies(refused.map((o) => o.ms)) },
    errors,
    pastDeadline: outcomes.filter((o) => o.status === 200 && o.ms > deadlineMs).length,
    loadAverage: { before: Math.round(loadBefore * 10) / 10, atEnd: Math.round(loadDuring * 10) / 10 },
    rssMb: Object.fromEntries(
      everyone.map((p, i) => [
        p.name,
        { before: mb(rssBefore[i]), peak: mb(rssPeak[i]), atEnd: mb(rssAtEnd[i]), after: mb(rssAfter[i]), afterVsBeforePercent: Math.round(((rssAfter[i] - rssBefore[i]) / rssBefore[i]) * 1000) / 10 },
      ]),
    ),
    shutdown: { exitCodes: exits.map((e) => e.code), ms: shutdownMs },
    slowClients: slowCount
      ? {
          clients: slowCount,
          uploads: slowOutcomes.length,
          outcomes: Object.fromEntries([...new Set(slowOutcomes.map((o) => o.outcome))].sort().map((o) => [o, slowOutcomes.filter((x) => x.outcome === o).length])),
          heldSeconds: latencies(slowOutcomes.map((o) => o.heldMs / 1000)),
        }
      : null,
  };
  if (args.json) console.log(JSON.stringify(figures, null, 2));
  else {
    console.log(`\n${figures.mode}: ${figures.run} (deadline ${deadlineMs / 1000} s)`);
    console.log(`${figures.requests} requests in ${(elapsedMs / 1000).toFixed(1)} s: ${figures.requestsPerSecond} requests per second`);
    for (const [kind, k] of Object.entries(byKind)) {
      console.log(`  ${kind.padEnd(5)} ${JSON.stringify(k.statusCodes)}; answered 200: p50 ${k.answered200Ms.p50} ms, p97.5 ${k.answered200Ms.p97_5} ms, p99 ${k.answered200Ms.p99} ms, max ${k.answered200Ms.max} ms`);
    }
    console.log(`503 OVERLOADED: ${refused.length}, answered in p50 ${figures.refused503.latencyMs.p50} ms, max ${figures.refused503.latencyMs.max} ms; past the deadline: ${figures.pastDeadline}; other errors: ${errors}`);
    for (const [name, r] of Object.entries(figures.rssMb)) {
      console.log(`RSS ${name}: before ${r.before} MB, peak ${r.peak} MB, at the end ${r.atEnd} MB, ${args['settle-seconds']} s later ${r.after} MB (${r.afterVsBeforePercent}% vs before)`);
    }
    console.log(`machine load average (1 min): ${figures.loadAverage.before} before, ${figures.loadAverage.atEnd} at the end`);
    console.log(`shutdown on SIGTERM: exit codes ${exits.map((e) => e.code).join(', ')} in ${shutdownMs} ms`);
    if (figures.slowClients) {
      const { clients, uploads, outcomes: slow, heldSeconds } = figures.slowClients;
      console.log(`slow clients: ${clients}, ${uploads} uploads begun; answered ${JSON.stringify(slow)}; each held a connection p50 ${heldSeconds.p50} s, max ${heldSeconds.max} s`);
    }
  }
  process.exitCode = errors === 0 && figures.pastDeadline === 0 && exits.every((e) => e.code === 0) ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  for (const p of everyone) console.error(`--- ${p.name}\n${p.output.slice(-20).join('\n')}`);
  for (const p of everyone) p.child.kill('SIGKILL');
  await redis?.stop();
  process.exitCode = 1;
}
