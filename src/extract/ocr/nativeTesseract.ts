import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentTooComplexError, DocumentUnreadableError } from '../../report/errors.js';
import type { OcrPageResult } from '../ocrService.js';
import { ENGINE_PARAMETERS } from './engineParameters.js';
import type { OcrEngineWorker } from './ocrEngine.js';
import { pageFromRows } from './recognizePage.js';
import { parseTesseractTsv } from './tesseractTsv.js';

/** A tesseract binary found on this machine. */
export interface NativeTesseractBinary {
  path: string;
  version: string;
  major: number;
}

export interface NativeTesseractOptions {
  binary: string;
  /** The read-only directory holding eng.traineddata (nativeModelDir). */
  modelDir: string;
  /** A page's process whose resident size passes this is killed; 0 for no limit. */
  memoryLimitBytes: number;
  /** Told when a process ends badly; never given letter text. */
  onFailure?: (failure: NativeFailure) => void;
}

export interface NativeFailure {
  reason: 'memory' | 'exit' | 'spawn' | 'output';
  exitCode: number | null;
  signal: string | null;
  /** The first line of what tesseract printed to stderr, cut short (its messages are about images, never their text). */
  message: string;
}

// How often a running page's resident size is read from /proc.
const MEMORY_POLL_MS = 50;
// A page's TSV is ~15-40 KB; anything near this is not a letter page.
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const MAX_STDERR_BYTES = 4096;

/** The first `tesseract` on PATH that answers --version, with its version; null if there is none. */
export function findNativeTesseract(searchPath = process.env.PATH ?? ''): NativeTesseractBinary | null {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, 'tesseract');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
    } catch {
      continue;
    }
    const answer = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 10_000, env: childEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    // tesseract 4 printed its version to stderr, 5 to stdout.
    const match = /tesseract\s+v?(\d+)\.(\d+)(?:\.(\d+))?\S*/i.exec(`${answer.stdout ?? ''}\n${answer.stderr ?? ''}`);
    if (answer.status === 0 && match) return { path: candidate, version: match[0].split(/\s+/)[1].replace(/^v/, ''), major: Number(match[1]) };
  }
  return null;
}

/**
 * The command line for one page: the prepared PNG on stdin, TSV on stdout, the model from our own
 * directory and the same settings tesseract.js is given (ENGINE_PARAMETERS). Progress notes go to
 * /dev/null, as they do in the wasm engine.
 */
export function nativeArguments(modelDir: string): string[] {
  const args = ['stdin', 'stdout', '--tessdata-dir', modelDir, '-l', 'eng', '--oem', '1'];
  for (const [name, value] of Object.entries(ENGINE_PARAMETERS)) {
    // The CLI replaces a page segmentation given as a variable with its own default unless --psm says otherwise.
    if (name === 'tessedit_pageseg_mode') args.push('--psm', String(value));
    else if (name === 'user_defined_dpi') args.push('--dpi', String(value));
    else args.push('-c', `${name}=${value}`);
  }
  args.push('-c', 'tessedit_create_tsv=1', '-c', 'debug_file=/dev/null');
  return args;
}

/**
 * The environment of a tesseract process: one thread (with OpenMP's default of one thread per
 * core it is several times slower on a busy machine, and the pool already runs OCR_WORKERS pages
 * at once), the C locale (so that confidences print with a decimal point), and nothing of the
 * service's own environment: API keys and the callback secret stay out of it.
 */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { OMP_THREAD_LIMIT: '1', LC_ALL: 'C' };
  for (const name of ['PATH', 'LD_LIBRARY_PATH', 'DYLD_LIBRARY_PATH', 'MALLOC_ARENA_MAX', 'TMPDIR']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return env;
}

/**
 * One slot of the OCR pool run by native tesseract. The CLI reads one image per run, so every
 * page gets a process of its own, which gives all its memory back when it ends. The slot keeps
 * the next process started and waiting: tesseract loads the model (~0.1 s) before it reads its
 * input, so that cost is paid while the slot is idle, not while a student waits.
 *
 * No shell, no files: the page goes in on stdin, the TSV comes back on stdout, and the process
 * runs in the read-only model directory. A page's process is killed (SIGKILL) when the pool's
 * deadline passes (terminate) or when its resident size passes the memory limit.
 */
export class NativeTesseractWorker implements OcrEngineWorker {
  private standby: TesseractProcess | null = null;
  private running: TesseractProcess | null = null;
  private ended = false;
  private readonly args: string[];
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly options: NativeTesseractOptions) {
    this.args = nativeArguments(options.modelDir);
    this.env = childEnvironment();
    this.standBy();
  }

  async recognize(png: Buffer): Promise<OcrPageResult> {
    if (this.ended) throw new Error('The OCR worker has ended.');
    // A waiting process that has died meanwhile (killed from outside) is replaced.
    const page = this.standby && !this.standby.exited ? this.standby : this.start();
    this.standby = null;
    this.running = page;
    try {
      const ending = await page.read(png, this.options.memoryLimitBytes);
      if (ending.code === 0 && !ending.killedFor && !ending.spawnError) {
        // An image it could not decode exits 0 on some versions, with an empty page.
        if (UNREADABLE.test(ending.stderr)) throw unreadable();
        return pageFromRows(parseTesseractTsv(ending.stdout));
      }
      throw this.failure(ending);
    } finally {
      this.running = null;
      this.standBy();
    }
  }

  async terminate(): Promise<void> {
    this.ended = true;
    const pages = [this.running, this.standby].filter((p): p is TesseractProcess => p !== null);
    this.running = null;
    this.standby = null;
    await Promise.all(pages.map((p) => p.kill('terminated')));
  }

  /** Starts the slot's next process; should that fail, the next page starts one itself and reports why. */
  private standBy(): void {
    if (this.ended) return;
    try {
      this.standby = this.start();
    } catch {
      this.standby = null;
    }
  }

  private start(): TesseractProcess {
    return new TesseractProcess(spawn(this.options.binary, this.args, { cwd: this.options.modelDir, env: this.env, stdio: ['pipe', 'pipe', 'pipe'], shell: false, windowsHide: true }));
  }

  private failure(ending: ProcessEnding): Error {
    // An image it cannot decode is the upload's fault, not the engine's: nothing to report.
    if (ending.code !== null && ending.code !== 0 && !ending.killedFor && UNREADABLE.test(ending.stderr)) return unreadable();
    const reason = ending.spawnError ? 'spawn' : ending.killedFor === 'terminated' ? null : (ending.killedFor ?? 'exit');
    if (reason) this.options.onFailure?.({ reason, exitCode: ending.code, signal: ending.signal, message: ending.spawnError?.message ?? firstLine(ending.stderr) });
    if (ending.killedFor === 'memory') {
      return new DocumentTooComplexError(`A page needed more than ${Math.round(this.options.memoryLimitBytes / 1048576)} MB of memory to read.`);
    }
    if (ending.spawnError) return new Error(`native tesseract could not start: ${ending.spawnError.message}`);
    if (ending.killedFor || ending.signal) return new Error(`native tesseract was ended (${ending.killedFor ?? ending.signal})`);
    return new Error(`native tesseract exited with ${ending.code}: ${firstLine(ending.stderr)}`);
  }
}

// What tesseract prints when it cannot decode its input.
const UNREADABLE = /pixReadMem|cannot be read|no pix returned|Error during processing/i;

interface ProcessEnding {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  killedFor: 'memory' | 'output' | 'terminated' | null;
  spawnError: Error | null;
}

/** One tesseract process, watched from the moment it is spawned so that no event of it is missed. */
class TesseractProcess {
  exited = false;
  private readonly ended: Promise<ProcessEnding>;
  private killedFor: ProcessEnding['killedFor'] = null;
  private poll: NodeJS.Timeout | null = null;

  constructor(private readonly child: ChildProcess) {
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let spawnError: Error | null = null;
    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) void this.kill('output');
      else out.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_BYTES) stderr += chunk.toString('utf8').slice(0, MAX_STDERR_BYTES - stderr.length);
    });
    // A process that dies before it reads its page closes its stdin under our write.
    child.stdin?.on('error', () => undefined);
    this.ended = new Promise((resolve) => {
      child.once('error', (error) => {
        spawnError = error;
        // A process that never started emits no 'close' on every platform.
        if (child.pid === undefined) finish(null, null);
      });
      child.once('close', (code, signal) => finish(code, signal));
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.exited) return;
        this.exited = true;
        if (this.poll) clearInterval(this.poll);
        resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr, killedFor: this.killedFor, spawnError });
      };
    });
  }

  /** Hands the process its page and waits for it to end, killing it if it grows past the memory limit. */
  read(png: Buffer, memoryLimitBytes: number): Promise<ProcessEnding> {
    if (memoryLimitBytes > 0 && !this.exited) {
      this.poll = setInterval(() => {
        if (this.child.pid !== undefined && residentBytes(this.child.pid) > memoryLimitBytes) void this.kill('memory');
      }, MEMORY_POLL_MS);
    }
    this.child.stdin?.end(png);
    return this.ended;
  }

  /** SIGKILL: a page is never worth waiting on once it is given up. */
  async kill(reason: NonNullable<ProcessEnding['killedFor']>): Promise<void> {
    if (!this.exited) {
      this.killedFor ??= reason;
      this.child.kill('SIGKILL');
    }
    await this.ended;
  }
}

/** Resident size of a process from /proc (Linux); 0 where there is no /proc or it has ended. */
function residentBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 200);
}

function unreadable(): Error {
  return new DocumentUnreadableError('The image could not be read by the OCR engine. Take the photo or scan again.');
}
