import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type OutputStream } from '../../src/cli/runCli.js';
import { Report } from '../../src/report/index.js';
import { followUpEmail, offerPdf } from '../case/caseLetters.js';
import { buildTestApp } from '../helper.js';
import { havePoppler, readPdf } from '../record/pdfText.js';

class Capture implements OutputStream {
  text = '';
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

let dir: string;
const run = async (args: string[]) => {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, { stdout, stderr, env: { OCR_WORKERS: '0', NO_COLOR: '1' }, cwd: dir });
  return { code, stdout: stdout.text, stderr: stderr.text };
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'offercheck-cli-case-'));
  // Dates far ahead, so that the letter never starts in the past whatever day the test runs.
  await writeFile(path.join(dir, 'offer.pdf'), await offerPdf({ hours: null, start: 'June 7, 2099', end: 'August 27, 2099' }));
  await writeFile(path.join(dir, 'hours.eml'), followUpEmail(['To confirm, the position is 20 hours per week.']));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('offercheck --case and --pdf', () => {
  it('checks a letter and a follow-up email as one case and writes the record', async () => {
    const { code, stdout, stderr } = await run(['--case', '--pdf', 'record.pdf', 'offer.pdf', 'hours.eml']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('offer.pdf + hours.eml: COMPLETE (all 10 required items present)');
    const record = await readFile(path.join(dir, 'record.pdf'));
    expect(record.subarray(0, 5).toString()).toBe('%PDF-');
    if (havePoppler) {
      const { text } = await readPdf(record);
      expect(text).toContain('Verdict: COMPLETE');
      expect(text).toContain('“20 hours per week” (document 2, hours.eml, page 1)');
    }
  });

  it('prints the case as one JSON report', async () => {
    const { code, stdout } = await run(['--case', '--json', 'offer.pdf', 'hours.eml']);
    expect(code).toBe(0);
    const report = Report.parse(JSON.parse(stdout));
    expect(report.documents.map((d) => d.fileName)).toEqual(['offer.pdf', 'hours.eml']);
  });

  it('writes the record of a single letter', async () => {
    const { code } = await run(['--pdf', 'single.pdf', 'offer.pdf']);
    expect(code).toBe(1);
    expect(existsSync(path.join(dir, 'single.pdf'))).toBe(true);
  });

  it('refuses --pdf for several letters checked apart, and writes no record for a letter it cannot check', async () => {
    const several = await run(['--pdf', 'both.pdf', 'offer.pdf', 'hours.eml']);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/--pdf writes the record of one check.*--case/);
    const missing = await run(['--pdf', 'none.pdf', 'no-such-letter.pdf']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no record written to none.pdf');
    expect(existsSync(path.join(dir, 'none.pdf'))).toBe(false);
  });

  it('names the file of a case that cannot be read', async () => {
    const { code, stdout } = await run(['--case', 'offer.pdf', 'gone.eml']);
    expect(code).toBe(2);
    expect(stdout).toContain('gone.eml: no such file [FILE_UNREADABLE]');
  });

  describe('with --url, against a running service', () => {
    let app: FastifyInstance;
    let base: string;
    beforeAll(async () => {
      app = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '10000' });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    afterAll(() => app?.close());

    it('sends the case as several file parts and gets the same report as in-process', async () => {
      const local = await run(['--case', '--json', 'offer.pdf', 'hours.eml']);
      const remote = await run(['--case', '--json', '--url', base, '--pdf', 'remote.pdf', 'offer.pdf', 'hours.eml']);
      expect(remote.code).toBe(0);
      expect(JSON.parse(remote.stdout)).toEqual(JSON.parse(local.stdout));
      expect(existsSync(path.join(dir, 'remote.pdf'))).toBe(true);
    });
  });
});
