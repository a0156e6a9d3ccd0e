import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { capturedLogger, multipartBody, readJson, testSettings } from '../helper.js';

interface Label {
  file: string;
  format: string;
  request: Record<string, string>;
  elements: Record<string, { value: unknown }>;
}

// One letter of each kind the readers handle, and one photo for the OCR path.
const FILES = ['text/pdfkit-classic-01.pdf', 'text/docx-header-01.docx', 'text/eml-plain-01.eml', 'text/msg-01.msg', 'ocr/png-clean-01.png'];
const TYPES: Record<string, string> = { pdf: 'application/pdf', docx: 'application/octet-stream', eml: 'message/rfc822', msg: 'application/vnd.ms-outlook', png: 'image/png' };

/** Everything in a letter a log must never carry: names, the street, ZIP and city, the pay, and every quote the report made. */
function secretsOf(label: Label, report: { elements: Record<string, { evidence?: { quote?: string; text?: string }[] }> }): string[] {
  const secrets = new Set<string>();
  const add = (s: unknown) => typeof s === 'string' && s.trim().length >= 4 && secrets.add(s.trim());
  add(label.request.student_name);
  for (const part of String(label.request.student_name ?? '').split(' ')) add(part);
  const location = label.elements.work_location?.value as Record<string, string> | null;
  if (location) ['street', 'city', 'zip'].forEach((k) => add(location[k]));
  const pay = label.elements.compensation?.value as { amount?: number } | null;
  if (pay?.amount) add(`$${pay.amount.toFixed(2)}`);
  const supervisor = label.elements.supervisor?.value as { name?: string } | null;
  add(supervisor?.name);
  for (const element of Object.values(report.elements)) {
    for (const evidence of element.evidence ?? []) add(evidence.quote ?? evidence.text);
  }
  return [...secrets];
}

describe('logs never carry a letter', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  const labels = readJson<{ letters: Label[] }>('fixtures/labels.json').letters;

  beforeAll(async () => {
    const settings = testSettings({ LOG_LEVEL: 'trace', READER_WORKERS: '1', OCR_WORKERS: '1', RATE_LIMIT_PER_MINUTE: '10000' });
    // The service's own logger options (redaction, serializers), at the most talkative level, into memory.
    const loggerInstance = capturedLogger(settings, lines, 'trace');
    app = await buildApp({ settings, fastify: { logger: undefined, loggerInstance } });
    await app.ready();
    await Promise.all([app.checker.ready(), app.checker.warm()]);
  }, 120_000);
  afterAll(() => app.close());

  it('through every reader, OCR, form fields, query strings and refusals', async () => {
    const secrets: string[] = [];
    for (const file of FILES) {
      const label = labels.find((l) => l.file === file)!;
      const bytes = readFileSync(new URL(`../../fixtures/${file}`, import.meta.url));
      const extension = file.split('.').pop()!;
      // As a form upload with the student's name as a field, and as a raw body with it in the query string.
      const form = multipartBody([
        { name: 'student_name', value: label.request.student_name },
        { name: 'employer', value: label.request.employer ?? 'Unknown' },
        { name: 'file', value: bytes, filename: `${label.request.student_name} offer.${extension}`, contentType: TYPES[extension] },
      ]);
      const viaForm = await app.inject({ method: 'POST', url: '/v1/validate', ...form });
      expect(viaForm.statusCode, `${file}: ${viaForm.body.slice(0, 200)}`).toBe(200);
      const query = new URLSearchParams({ student_name: label.request.student_name }).toString();
      const viaBody = await app.inject({ method: 'POST', url: `/v1/validate?${query}`, headers: { 'content-type': TYPES[extension] }, payload: bytes });
      expect(viaBody.statusCode).toBe(200);
      secrets.push(...secretsOf(label, viaForm.json()));
      // Refusals too: the same letter cut short (unreadable) and cut mid-upload.
      if (extension !== 'png') {
        await app.inject({ method: 'POST', url: `/v1/validate?${query}`, headers: { 'content-type': TYPES[extension] }, payload: bytes.subarray(0, Math.floor(bytes.length * 0.6)) });
      }
      await app.inject({ method: 'POST', url: '/v1/validate', headers: form.headers, payload: form.payload.subarray(0, form.payload.length - 20) });
    }

    // The logs are there and say what happened...
    expect(lines.length).toBeGreaterThan(30);
    const entries = lines.map((l) => JSON.parse(l) as { msg?: string; problem?: string });
    // (A letter cut short may still read: an email cut in its body is an email.)
    expect(entries.filter((e) => e.msg === 'letter checked').length).toBeGreaterThanOrEqual(FILES.length * 2);
    expect(entries.some((e) => e.problem === 'UPLOAD_INCOMPLETE')).toBe(true);
    // ...and nothing of the letters.
    const log = lines.join('\n');
    expect(secrets.length).toBeGreaterThan(30);
    const leaked = secrets.filter((s) => log.includes(s) || log.includes(encodeURIComponent(s)));
    expect(leaked).toEqual([]);
  }, 180_000);
});

describe('the logger configuration', () => {
  it('redacts letter content wherever a handler might put it', () => {
    const lines: string[] = [];
    const log = capturedLogger(testSettings({ LOG_LEVEL: 'info' }), lines);
    const letter = 'Dear Priya Raman, 500 Boylston Street, $32.50 per hour';
    log.info({ text: letter, check: { text: letter, evidence: [letter], fields: { student_name: 'Priya Raman' } }, filename: 'Priya Raman offer.pdf' }, 'a careless line');
    log.info({ upload: { filename: 'Priya Raman offer.pdf', body: letter }, envelope: { to: 'Priya Raman' } }, 'another');
    log.error({ err: { type: 'Error', code: 'HPE_INVALID_EOF_STATE', rawPacket: Buffer.from(letter) } }, 'client error');
    const text = lines.join('\n');
    expect(text).toMatch(/a careless line/);
    expect(text).toMatch(/HPE_INVALID_EOF_STATE/);
    expect(text).not.toMatch(/Priya|Boylston|32\.50/);
    // A Buffer would be logged as its byte values, which no text search finds: it must be gone entirely.
    expect(text).toMatch(/"rawPacket":"\[redacted\]"/);
  });
});
