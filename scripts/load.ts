// npm run load [-- --duration 60 --connections 50 --mix pdf:4,docx:3,image:1 --slow 50 --no-build --json]
// Starts the built service (node dist/http/server.js) as its own process on 127.0.0.1, waits for
// /readyz, warms it, then drives it from this process with autocannon: a mix of text PDFs, Word
// letters and images from fixtures/, over 50 connections for 60 s. Reports latency (p50, p97.5,
// p99), requests per second, errors other than deliberate 503s, the server's peak RSS and its RSS
// at the end and once idle (--settle-seconds, 70: reader workers end after 60 s idle), then stops it
// with SIGTERM and reports how it shut down.
// --slow N adds N slow clients beside the mix, each from its own loopback address and without a key,
// as students would be: each announces a letter and sends it a few bytes at a time, and when the
// service ends the upload, reads the answer, waits as Retry-After says and starts again, for the
// whole run. The mix must still be served, or refused with a readable 503.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    mix: { type: 'string', default: 'pdf:4,docx:3,image:1' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'settle-seconds': { type: 'string', default: '70' },
    slow: { type: 'string', default: '0' },
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
const TYPES: Record<string, string> = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

function percentiles(values: number[]): { p50: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;
  return { p50: round(sorted[Math.floor(sorted.length / 2)]), max: round(sorted.at(-1)) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process, from /proc (Linux): the server's, not this process's. */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
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

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

if (!args['no-build']) {
  log('building dist/ (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: ROOT });
}
if (!existsSync(new URL('dist/http/server.js', ROOT))) throw new Error('dist/http/server.js is missing: run npm run build');

const port = await freePort();
const apiKey = randomBytes(24).toString('base64url');
const base = `http://${HOST}:${port}`;
const server = spawn(process.execPath, ['dist/http/server.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    HOST,
    PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The pipeline's way in: one key, its own (high) limit; students' per-address limit is not under test.
    API_KEYS: apiKey,
    RATE_LIMIT_KEYED_PER_MINUTE: process.env.RATE_LIMIT_KEYED_PER_MINUTE ?? '1000000',
    // As recommended for deployment (README, operations): glibc's default of 8 arenas per core keeps
    // what sharp's and the OCR threads' bursts allocated; with 2 the RSS returns to within a few % after load.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const serverOutput: string[] = [];
for (const stream of [server.stdout, server.stderr]) stream.on('data', (d: Buffer) => serverOutput.push(...d.toString().split('\n').filter(Boolean).slice(-50)));
const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
process.on('exit', () => server.exitCode === null && server.kill('SIGKILL'));

try {
  await waitUntil(async () => (await fetch(`${base}/readyz`)).status === 200, 180_000, '/readyz');
  log(`server ${server.pid} ready on ${base}`);

  const weights = Object.fromEntries(args.mix.split(',').map((part) => part.split(':')).map(([kind, n]) => [kind, Number(n)])) as Record<keyof typeof LETTERS, number>;
  const requests: autocannon.Request[] = [];
  const counters: Record<string, number> = { pdf: 0, docx: 0, image: 0 };
  // Interleaved, so that every connection sends the mix in the same proportions.
  const rounds = Math.max(...Object.values(weights));
  for (let round = 0; round < rounds; round++) {
    for (const kind of Object.keys(LETTERS) as (keyof typeof LETTERS)[]) {
      if (round >= (weights[kind] ?? 0)) continue;
      const files = LETTERS[kind];
      const file = files[counters[kind]++ % files.length];
      const extension = file.split('.').pop()!;
      requests.push({
        method: 'POST',
        path: '/v1/validate',
        headers: { 'content-type': TYPES[extension], authorization: `Bearer ${apiKey}` },
        body: fixture(file),
      });
    }
  }
  log(`mix per cycle: ${requests.length} requests (${Object.entries(weights).map(([k, n]) => `${n} ${k}`).join(', ')})`);

  // Warm: every letter of the mix once, so the baseline is a service that has loaded what it uses.
  for (const r of requests) {
    const response = await fetch(`${base}${r.path}`, { method: 'POST', headers: r.headers as Record<string, string>, body: new Uint8Array(r.body as Buffer) });
    if (response.status !== 200) throw new Error(`warm-up request answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const rssBefore = rssOf(server.pid!);
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid!))), 200);

  const slowCount = Number(args.slow);
  const slowOutcomes: SlowOutcome[] = [];
  const slowUntil = Date.now() + Number(args.duration) * 1000;
  const slowClients = Array.from({ length: slowCount }, (_, i) => slowClient(port, `127.0.0.${10 + i}`, slowUntil, slowOutcomes));
  log(`running ${args.connections} connections for ${args.duration} s${slowCount ? `, beside ${slowCount} slow clients` : ''}`);
  const result = await autocannon({
    url: base,
    connections: Number(args.connections),
    duration: Number(args.duration),
    requests,
    timeout: 120,
  });
  await Promise.all(slowClients);
  clearInterval(sampler);
  const rssAtEnd = rssOf(server.pid!);
  await new Promise((r) => setTimeout(r, Number(args['settle-seconds']) * 1000));
  const rssAfter = rssOf(server.pid!);

  const byStatus = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]));
  const deliberate503 = byStatus['503'] ?? 0;
  const errors = result.errors + result.timeouts + Object.entries(byStatus).filter(([code]) => code !== '200' && code !== '503').reduce((n, [, c]) => n + c, 0);

  log('stopping the server with SIGTERM');
  const stopAt = Date.now();
  server.kill('SIGTERM');
  const exit = await exited;

  const mb = (n: number) => Math.round(n / (1024 * 1024));
  const figures = {
    connections: Number(args.connections),
    durationSeconds: Number(args.duration),
    mix: args.mix,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    statusCodes: byStatus,
    errors,
    deliberate503,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    rssMb: { before: mb(rssBefore), peak: mb(peakRss), atEnd: mb(rssAtEnd), after: mb(rssAfter), afterVsBeforePercent: Math.round(((rssAfter - rssBefore) / rssBefore) * 1000) / 10 },
    shutdown: { exitCode: exit.code, signal: exit.signal, ms: Date.now() - stopAt },
    slowClients: slowCount
      ? {
          clients: slowCount,
          uploads: slowOutcomes.length,
          outcomes: Object.fromEntries([...new Set(slowOutcomes.map((o) => o.outcome))].sort().map((o) => [o, slowOutcomes.filter((x) => x.outcome === o).length])),
          heldSeconds: percentiles(slowOutcomes.map((o) => o.heldMs / 1000)),
        }
      : null,
  };
  if (args.json) console.log(JSON.stringify(figures, null, 2));
  else {
    console.log(`\n${figures.requests} requests in ${figures.durationSeconds} s over ${figures.connections} connections (mix ${figures.mix})`);
    console.log(`latency p50 ${figures.latencyMs.p50} ms, p97.5 ${figures.latencyMs.p97_5} ms, p99 ${figures.latencyMs.p99} ms (max ${figures.latencyMs.max} ms)`);
    console.log(`requests per second ${figures.requestsPerSecond}`);
    console.log(`status codes ${JSON.stringify(byStatus)}; errors (not counting deliberate 503s) ${errors}; deliberate 503s ${deliberate503}`);
    console.log(`server RSS before ${figures.rssMb.before} MB, peak ${figures.rssMb.peak} MB, at the end ${figures.rssMb.atEnd} MB, ${args['settle-seconds']} s later ${figures.rssMb.after} MB (${figures.rssMb.afterVsBeforePercent}% vs before)`);
    console.log(`shutdown on SIGTERM: exit code ${exit.code} in ${figures.shutdown.ms} ms`);
    if (figures.slowClients) {
      const { clients, uploads, outcomes, heldSeconds } = figures.slowClients;
      console.log(`slow clients: ${clients}, ${uploads} uploads begun; answered ${JSON.stringify(outcomes)}; each held a connection p50 ${heldSeconds.p50} s, max ${heldSeconds.max} s`);
    }
  }
  process.exitCode = errors === 0 && exit.code === 0 ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(serverOutput.slice(-20).join('\n'));
  server.kill('SIGKILL');
  process.exitCode = 1;
}
