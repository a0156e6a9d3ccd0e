import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/index.js';
import { fixtureLetter, type FixtureLetter } from './fixtureLetters.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = path.join(ROOT, 'src/cli/main.ts');

/** The command as a separate process (tsx runs the same source the build compiles to dist/cli/main.js). */
function offercheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { cwd: ROOT, env: { ...process.env, OCR_WORKERS: '0', NO_COLOR: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
let letter: FixtureLetter;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'offercheck-main-'));
  // A letter with no hours per week; the space in the name is on purpose.
  letter = await fixtureLetter('text/pdfkit-classic-05.pdf');
  await copyFile(letter.path, path.join(dir, 'offer letter.pdf'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('offercheck as a process', () => {
  it('starts with a node shebang, so the built dist/cli/main.js runs as the bin', async () => {
    expect((await readFile(MAIN, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.offercheck).toBe('dist/cli/main.js');
    // npm install runs prepare, which builds dist/ (and makes main.js executable): npx offercheck then works.
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toContain("chmodSync('dist/cli/main.js'");
  });

  it('exits 1 for an incomplete letter, and its piped --json output is whole', async () => {
    const { code, stdout, stderr } = await offercheck(['--json', '--name', letter.studentName, path.join(dir, 'offer letter.pdf')]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.verdict).toBe('incomplete');
    expect(report.elements.student_name.value).toBe(letter.studentName);
    expect(report.elements.hours_per_week.status).toBe('missing');
  });

  it('exits 2 on a bad option and on a file that does not exist', async () => {
    const bad = await offercheck(['--concurrency', 'many', 'x.pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--concurrency must be a whole number');
    const missing = await offercheck([path.join(dir, 'nope.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('ERROR The file cannot be read: no such file [FILE_UNREADABLE]');
  });
});
