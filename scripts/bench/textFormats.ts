// Latency of POST /v1/validate for a text PDF, a DOCX and an email over loopback, against a
// server in its own process, with poppler's pdftotext on the same PDF as the yardstick.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARMUP = 20;

const Labels = z.object({ letters: z.array(z.object({ file: z.string(), format: z.string(), group: z.string() }).passthrough()) });

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// The built server, as `npm start` runs it: under tsx every thrown error's stack is source-mapped,
// which costs the PDF path a few milliseconds that production never pays.
async function startServer(port: number): Promise<ChildProcess> {
  if (!process.env.NOBUILD) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const child = spawn(process.execPath, ['dist/http/server.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OCR_WORKERS: '0', RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('server did not become ready');
}

function ensurePdftotext(): void {
  if (spawnSync('pdftotext', ['-v']).status === 0) return;
  console.error('installing poppler-utils for the pdftotext yardstick ...');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils'], { stdio: 'inherit' });
}

async function timeRequests(url: string, body: Buffer, contentType: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const start = performance.now();
    const response = await fetch(url, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': contentType } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

function timePdftotext(path: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const start = performance.now();
    const result = spawnSync('pdftotext', ['-layout', path, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    if (result.status !== 0) throw new Error('pdftotext failed');
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export async function benchTextFormats(): Promise<void> {
  const labels = Labels.parse(JSON.parse(readFileSync(`${ROOT}/fixtures/labels.json`, 'utf8')));
  const pick = (format: string) => {
    const letter = labels.letters.find((l) => l.group === 'text' && l.format === format);
    if (!letter) throw new Error(`no ${format} fixture`);
    return `${ROOT}/fixtures/${letter.file}`;
  };
  // A two-page letter with a picture too: its pictures are counted by pdf.js page by page (readPdf).
  const twoPages = labels.letters.find((l) => l.group === 'text' && l.format === 'pdf' && l.file.includes('table-04'));
  const cases = [
    { name: 'text PDF', path: pick('pdf'), type: 'application/pdf' },
    ...(twoPages ? [{ name: 'PDF, 2 pages', path: `${ROOT}/fixtures/${twoPages.file}`, type: 'application/pdf' }] : []),
    { name: 'DOCX', path: pick('docx'), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    { name: 'email (.eml)', path: pick('eml'), type: 'message/rfc822' },
  ];
  ensurePdftotext();
  const port = await freePort();
  const server = await startServer(port);
  try {
    console.log(`POST /v1/validate over loopback, ${ROUNDS} sequential requests after ${WARMUP} warm-up (ms)`);
    console.log('case            p50      p99     bytes');
    const results: Record<string, number[]> = {};
    for (const c of cases) {
      const body = readFileSync(c.path);
      results[c.name] = await timeRequests(`http://127.0.0.1:${port}/v1/validate`, body, c.type);
      const t = results[c.name];
      console.log(`${c.name.padEnd(14)} ${percentile(t, 50).toFixed(1).padStart(6)} ${percentile(t, 99).toFixed(1).padStart(8)} ${String(body.length).padStart(9)}`);
    }
    for (const c of cases.filter((c) => c.type === 'application/pdf')) {
      const yardstick = timePdftotext(c.path);
      const ratio = percentile(results[c.name], 50) / percentile(yardstick, 50);
      console.log(`${c.name}: pdftotext -layout (process time) p50 ${percentile(yardstick, 50).toFixed(1)}, p99 ${percentile(yardstick, 99).toFixed(1)}`);
      console.log(`  ratio ${c.name} p50 / pdftotext p50: ${ratio.toFixed(2)}x (goal <= 2x) ${ratio <= 2 ? 'MET' : 'NOT MET'}`);
    }
  } finally {
    server.kill('SIGTERM');
  }
}
