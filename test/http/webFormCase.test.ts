import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { loadSettings } from '../../src/config/settings.js';
import { ELEMENT_NAMES, ELEMENT_RECORD_LABELS, Report } from '../../src/report/index.js';
import { followUpEmail, offerPdf } from '../case/caseLetters.js';
import { havePoppler, readPdf } from '../record/pdfText.js';
import { launchChromium, skipBrowser } from './browser.js';

describe.skipIf(skipBrowser)('web form: a letter and a follow-up email checked together, and the record downloaded (Debian chromium via playwright-core)', () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let letter: Buffer;
  let email: Buffer;

  beforeAll(async () => {
    app = await buildApp({ settings: loadSettings({ LOG_LEVEL: 'silent', OCR_WORKERS: '0' }) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    // Dates far ahead, so that the letter never starts in the past whatever day the test runs.
    letter = await offerPdf({ hours: null, start: 'June 7, 2099', end: 'August 27, 2099' });
    email = followUpEmail(['To confirm, the position is 20 hours per week.']);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('uploads two files, shows the hours quoted from the email, and downloads the record', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${base}/`);

    // The letter first, then the follow-up added to it.
    expect(await page.isHidden('#add-file-button')).toBe(true);
    await page.setInputFiles('#file', { name: 'offer.pdf', mimeType: 'application/pdf', buffer: letter });
    await expect.poll(() => page.textContent('#chosen-file')).toMatch(/^Chosen: offer\.pdf \(\d+ KB\)$/);
    await page.setInputFiles('#add-file', { name: 'hours.eml', mimeType: 'message/rfc822', buffer: email });
    expect(await page.textContent('#chosen-file')).toBe('Chosen: 2 documents, checked together; the first is the letter.');
    expect(await page.locator('#file-list li').evaluateAll((items) => items.map((i) => i.getAttribute('data-file')))).toEqual(['offer.pdf', 'hours.eml']);
    expect(await page.getAttribute('#file-list li:nth-child(2) .remove-file', 'aria-label')).toBe('Remove hours.eml');

    await page.fill('#student-name', 'Priya Raman');
    await page.click('#submit');
    await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('complete');
    const hours = page.locator('#required-list li[data-element="hours_per_week"]');
    expect(await hours.getAttribute('data-status')).toBe('present');
    expect(await hours.locator('.evidence blockquote').allTextContents()).toEqual(['20 hours per week']);
    expect(await hours.locator('.evidence figcaption').allTextContents()).toEqual(['From hours.eml, page 1']);
    expect(await page.locator('#required-list li[data-element="job_title"] .evidence figcaption').first().textContent()).toBe('From offer.pdf, page 1');
    expect(await page.textContent('#document-meta')).toContain('2 documents (offer.pdf, 1 page; hours.eml, 1 page)');

    // The record: the same two documents checked again, answered as a PDF download.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-record')]);
    expect(download.suggestedFilename()).toMatch(/^offercheck-record-\d{4}-\d{2}-\d{2}\.pdf$/);
    const record = await readFile((await download.path())!);
    expect(record.subarray(0, 5).toString()).toBe('%PDF-');
    await expect.poll(() => page.textContent('#status')).toContain('The record is downloaded as offercheck-record-');
    if (havePoppler) {
      const { text, pages } = await readPdf(record);
      expect(pages).toBeLessThanOrEqual(2);
      expect(text).toContain('Verdict: COMPLETE');
      for (const name of ELEMENT_NAMES) expect(text).toContain(ELEMENT_RECORD_LABELS[name]);
      expect(text).toContain('“20 hours per week” (document 2, hours.eml, page 1)');
      // The same check as the API's, document for document.
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(letter)], { type: 'application/pdf' }), 'offer.pdf');
      form.append('file', new Blob([new Uint8Array(email)], { type: 'message/rfc822' }), 'hours.eml');
      const report = Report.parse(await (await fetch(`${base}/v1/validate`, { method: 'POST', body: form })).json());
      for (const d of report.documents) expect(text).toContain(d.sha256);
    }

    // Removing the follow-up leaves the letter alone, and focus where the student chooses files.
    await page.click('#file-list li:nth-child(2) .remove-file');
    expect(await page.textContent('#chosen-file')).toMatch(/^Chosen: offer\.pdf \(\d+ KB\)$/);
    expect(await page.isHidden('#file-list')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-file');
    expect(problems).toEqual([]);
    await context.close();
  });
});
