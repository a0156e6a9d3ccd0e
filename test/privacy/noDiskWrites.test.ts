import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { multipartBody, testSettings } from '../helper.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const UPLOADS: [string, string][] = [
  ['text/pdfkit-classic-01.pdf', 'application/pdf'],
  ['text/docx-header-01.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['text/eml-attachment-03.eml', 'message/rfc822'],
  ['text/msg-01.msg', 'application/vnd.ms-outlook'],
  ['ocr/png-clean-01.png', 'image/png'],
  ['ocr/pdf-scan-17.pdf', 'application/pdf'],
];

const WRITE_BITS = fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_TRUNC;
const isWrite = (flags: unknown) => (typeof flags === 'number' ? (flags & WRITE_BITS) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags));

/**
 * Records every attempt of this thread to create or write a file, anywhere, by wrapping node:fs
 * (and its ESM named exports). Worker threads, native code and the reader child processes (which run
 * under a permission model that refuses file writes: readerPool.test.ts) are covered by the folder watch.
 */
function recordFileWrites(): { writes: string[]; restore(): void } {
  const writes: string[] = [];
  const target = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved: [Record<string, (...args: unknown[]) => unknown>, string, (...args: unknown[]) => unknown][] = [];
  const wrap = (obj: Record<string, (...args: unknown[]) => unknown>, name: string, writes_: (args: unknown[]) => boolean) => {
    const original = obj[name];
    saved.push([obj, name, original]);
    obj[name] = function (this: unknown, ...args: unknown[]) {
      if (writes_(args)) writes.push(`${name} ${String(args[0])}`);
      return original.apply(this, args);
    };
  };
  for (const name of ['open', 'openSync']) wrap(target, name, (a) => isWrite(a[1]));
  wrap(promises, 'open', (a) => isWrite(a[1]));
  for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'copyFile', 'copyFileSync', 'rename', 'renameSync', 'symlink', 'symlinkSync', 'link', 'linkSync']) {
    wrap(target, name, () => true);
  }
  for (const name of ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'copyFile', 'rename']) wrap(promises, name, () => true);
  wrap(target, 'createWriteStream', () => true);
  syncBuiltinESMExports();
  return {
    writes,
    restore() {
      for (const [obj, name, original] of saved) obj[name] = original;
      syncBuiltinESMExports();
    },
  };
}

describe('no upload is written to disk', () => {
  const home = process.cwd();
  const homeTmp = process.env.TMPDIR;
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'offercheck-privacy-'));
  const tmp = path.join(sandbox, 'tmp');
  const cwd = path.join(sandbox, 'cwd');
  const events: string[] = [];
  const watchers: fs.FSWatcher[] = [];
  let app: FastifyInstance;
  let recorder: ReturnType<typeof recordFileWrites>;

  beforeAll(async () => {
    fs.mkdirSync(tmp);
    fs.mkdirSync(cwd);
    // The service runs with an empty temp folder and working directory of its own; anything that
    // writes a temporary or relative file (libvips, tesseract's model cache, a reader) would land here.
    process.env.TMPDIR = tmp;
    process.chdir(cwd);
    for (const dir of [tmp, cwd]) watchers.push(fs.watch(dir, { recursive: true }, (event, name) => events.push(`${event} ${dir}/${name}`)));
    app = await buildApp({ settings: testSettings({ READER_WORKERS: '1', OCR_WORKERS: '1', RATE_LIMIT_PER_MINUTE: '10000' }) });
    await app.ready();
    await Promise.all([app.checker.ready(), app.checker.warm()]);
  }, 120_000);

  afterAll(async () => {
    recorder?.restore();
    await app?.close();
    for (const watcher of watchers) watcher.close();
    process.chdir(home);
    if (homeTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = homeTmp;
    fs.rmSync(sandbox, { recursive: true, force: true });
  });

  it('through every reader and OCR, as form uploads and raw bodies', async () => {
    recorder = recordFileWrites();
    const answers: number[] = [];
    for (const [file, type] of UPLOADS) {
      const bytes = fs.readFileSync(new URL(file, FIXTURES));
      const form = multipartBody([
        { name: 'student_name', value: 'Mateus Oliveira' },
        { name: 'file', value: bytes, filename: path.basename(file), contentType: type },
      ]);
      answers.push((await app.inject({ method: 'POST', url: '/v1/validate', ...form })).statusCode);
    }
    const [pdf, type] = UPLOADS[0];
    answers.push((await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': type }, payload: fs.readFileSync(new URL(pdf, FIXTURES)) })).statusCode);
    // Give a late writer (a cache flushed after the answer) a moment to show itself.
    await new Promise((r) => setTimeout(r, 300));
    recorder.restore();

    expect(answers).toEqual(UPLOADS.map(() => 200).concat(200));
    expect(recorder.writes).toEqual([]);
    expect(events).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(cwd)).toEqual([]);
  }, 180_000);

  it('the watch and the recorder do see a write, so their silence above means something', async () => {
    const probe = recordFileWrites();
    try {
      fs.writeFileSync(path.join(os.tmpdir(), 'probe.txt'), 'x');
    } finally {
      probe.restore();
    }
    expect(probe.writes).toEqual([`writeFileSync ${path.join(tmp, 'probe.txt')}`]);
    await expect.poll(() => events.length).toBeGreaterThan(0);
    fs.rmSync(path.join(tmp, 'probe.txt'));
  });
});
