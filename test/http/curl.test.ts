import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { loadSettings } from '../../src/config/settings.js';
import { Problem, Report } from '../../src/report/index.js';
import { REPO_ROOT, commandLines, expectShownIn, fencedBlocks, studentsSection } from '../cli/readmeSection.js';
import { STUDENT, letterPdf } from '../cli/sampleLetters.js';
import { followUpEmail } from '../case/caseLetters.js';
import { havePoppler, readPdf } from '../record/pdfText.js';

const README_ORIGIN = 'http://127.0.0.1:3000';
const CURL = ['/usr/bin/curl', '/bin/curl', '/usr/local/bin/curl'].find((p) => existsSync(p));

let app: FastifyInstance;
let base: string;
let dir: string;
let letter: Buffer;

beforeAll(async () => {
  app = await buildApp({ settings: loadSettings({ LOG_LEVEL: 'silent', OCR_WORKERS: '0' }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // The README's commands run here as written: letter.pdf is the student's letter (an invented one
  // for Priya Raman that leaves out the pay and the work address), fixtures/ the repository's.
  dir = await mkdtemp(path.join(os.tmpdir(), 'offercheck-curl-'));
  letter = await letterPdf('gaps');
  await writeFile(path.join(dir, 'letter.pdf'), letter);
  await writeFile(path.join(dir, 'broken.pdf'), '%PDF-1.7\nthis letter was cut off in transit');
  // The employer's follow-up: the pay and the work address the letter leaves out.
  await writeFile(
    path.join(dir, 'followup.eml'),
    followUpEmail(['To complete your offer letter: you will be paid $31.50 per hour, and your work location is 1400 Harbor Way, Suite 210, Oakland, CA 94607.']),
  );
  await symlink(path.join(REPO_ROOT, 'fixtures'), path.join(dir, 'fixtures'));
});

afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function sh(command: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { cwd: dir, timeout: 60_000 }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

/** What a student sees for their letter, however it was sent. */
function expectStudentLetterReport(body: unknown): Report {
  const report = Report.parse(body);
  expect(report.verdict).toBe('incomplete');
  expect(report.elements.student_name.status).toBe('present');
  expect(report.elements.student_name.value).toBe(STUDENT);
  expect(report.elements.compensation.status).toBe('missing');
  expect(report.elements.compensation.fix).toMatch(/^Please /);
  expect(report.findings).toContainEqual(expect.objectContaining({ code: 'ELEMENT_MISSING', element: 'compensation' }));
  return report;
}

describe('the README students section', () => {
  const section = studentsSection();

  it('shows curl for multipart and for a raw body, on the port npm start uses', () => {
    const lines = commandLines(section, 'curl');
    expect(lines).toContain(`curl -F file=@letter.pdf -F student_name='Priya Raman' ${README_ORIGIN}/v1/validate`);
    expect(lines).toContain(`curl --data-binary @letter.pdf -H 'Content-Type: application/pdf' '${README_ORIGIN}/v1/validate?student_name=Priya%20Raman'`);
    expect(loadSettings({}).PORT).toBe(3000);
  });

  describe.skipIf(!CURL)(`its curl commands, run as written against a started server (${CURL ?? 'curl not installed: skipped'})`, () => {
    const run = (line: string) => sh(line.replaceAll(README_ORIGIN, base));

    it('answers both ways of sending the student letter with the same report', async () => {
      const [multipartLine, rawLine] = commandLines(section, 'curl').filter((l) => l.includes('@letter.pdf'));
      const multipart = await run(multipartLine);
      const raw = await run(rawLine);
      expect(multipart.code).toBe(0);
      expect(raw.code).toBe(0);
      const a = expectStudentLetterReport(JSON.parse(multipart.stdout));
      const b = expectStudentLetterReport(JSON.parse(raw.stdout));
      // The same elements, quotes and all; only the multipart part has a file name for its quotes to name.
      expect(b.elements.student_name.evidence[0].document).toEqual({ index: 0, fileName: null });
      expect(a.elements.student_name.evidence[0].document).toEqual({ index: 0, fileName: 'letter.pdf' });
      const unnamed = (report: Report) => JSON.parse(JSON.stringify(report.elements).replaceAll('"fileName":"letter.pdf"', '"fileName":null'));
      expect(unnamed(b)).toEqual(unnamed(a));
      expect(b.document.mediaType).toBe('application/pdf');
    });

    it('gives for the invented letter what the README shows, abridged', async () => {
      const fixtureLine = commandLines(section, 'curl').find((l) => l.includes('@fixtures/'));
      expect(fixtureLine).toBeDefined();
      const { code, stdout } = await run(fixtureLine!);
      expect(code).toBe(0);
      const [shownReport] = fencedBlocks(section, 'json').map((block) => JSON.parse(block));
      expectShownIn(Report.parse(JSON.parse(stdout)), shownReport);
    });

    it('checks the letter and the follow-up email together, and writes the record, as the README shows', async () => {
      const [caseLine, recordLine] = commandLines(section, 'curl').filter((l) => l.includes('@followup.eml'));
      expect(caseLine).toBe(`curl -F file=@letter.pdf -F file=@followup.eml -F student_name='Priya Raman' ${README_ORIGIN}/v1/validate`);
      expect(recordLine).toBe(`curl -F file=@letter.pdf -F file=@followup.eml -H 'Accept: application/pdf' -o record.pdf ${README_ORIGIN}/v1/validate`);
      const together = await run(caseLine);
      expect(together.code).toBe(0);
      const report = Report.parse(JSON.parse(together.stdout));
      expect(report.documents.map((d) => d.fileName)).toEqual(['letter.pdf', 'followup.eml']);
      // What the letter leaves out comes from the email, and says so.
      for (const name of ['compensation', 'work_location'] as const) {
        expect(report.elements[name].status, name).toBe('present');
        expect(report.elements[name].evidence[0].document, name).toEqual({ index: 1, fileName: 'followup.eml' });
      }
      expect(report.elements.student_name.evidence[0].document).toEqual({ index: 0, fileName: 'letter.pdf' });

      const record = await run(recordLine);
      expect(record.code).toBe(0);
      const pdf = await readFile(path.join(dir, 'record.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (havePoppler) {
        const { text } = await readPdf(pdf);
        expect(text).toContain(`Verdict: ${report.verdict === 'needs_review' ? 'NEEDS REVIEW' : report.verdict.toUpperCase()}`);
        expect(text).toContain('followup.eml');
      }
    });

    it('answers a damaged PDF with the problem the README shows', async () => {
      const { stdout } = await run(`curl -s --data-binary @broken.pdf -H 'Content-Type: application/pdf' ${base}/v1/validate`);
      const shownProblem = fencedBlocks(section, 'json').map((block) => JSON.parse(block))[1];
      const problem = Problem.parse(JSON.parse(stdout));
      expectShownIn(problem, shownProblem);
      expect(problem.requestId).toBeTruthy();
    });
  });

  describe('the same requests over fetch (what any HTTP client sends)', () => {
    it('multipart with the name as a field', async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(letter)], { type: 'application/pdf' }), 'letter.pdf');
      form.append('student_name', STUDENT);
      const response = await fetch(`${base}/v1/validate`, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectStudentLetterReport(await response.json());
    });

    it('the raw body with the name in the query', async () => {
      const response = await fetch(`${base}/v1/validate?student_name=${encodeURIComponent(STUDENT)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(letter),
      });
      expect(response.status).toBe(200);
      expectStudentLetterReport(await response.json());
    });

    it('no letter at all: a problem saying where the letter goes', async () => {
      const response = await fetch(`${base}/v1/validate`, { method: 'POST' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = Problem.parse(await response.json());
      expect(problem.code).toBe('FILE_MISSING');
      expect(problem.detail).toContain('"file"');
    });
  });
});
