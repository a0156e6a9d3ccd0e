import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extractDocument.js';
import { ingestDocument } from '../../src/ingest/ingestDocument.js';

const LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 5,
  maxTextChars: 100_000,
  maxEntries: 1000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxRatio: 200,
};

function pdfOf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const text of pages) doc.addPage().fontSize(11).text(text, 72, 72);
    doc.end();
  });
}

async function extract(bytes: Uint8Array, declaredType: string | null = null) {
  return extractDocument(ingestDocument(bytes, declaredType, LIMITS), { limits: LIMITS, ocr: null });
}

describe('extractDocument', () => {
  it('reads a PDF page by page from its text layer', async () => {
    const doc = await extract(await pdfOf(['Dear Kwame Mensah, welcome to the team as an intern.', 'You will work 40 hours per week at our Denver office.']));
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.pages.map((p) => [p.number, p.source])).toEqual([
      [1, 'text'],
      [2, 'text'],
    ]);
    expect(doc.pages[1].text).toContain('40 hours per week');
  });

  it('refuses a PDF with more pages than the limit before reading them', async () => {
    const pages = Array.from({ length: 6 }, (_, i) => `Page ${i + 1} of a long document with enough text on it.`);
    await expect(extract(await pdfOf(pages))).rejects.toMatchObject({ code: 'TOO_MANY_PAGES' });
  });

  it('reads an email body as page 1 and its attached PDF offer as the pages after it', async () => {
    const pdf = await pdfOf(['Offer of internship: Ngozi Okafor, Marketing Intern, 20 hours per week.']);
    const eml = [
      'From: Talent Team <talent@brightwave.example>',
      'To: Ngozi Okafor <ngozi@student.example.edu>',
      'Date: Tue, 1 Dec 2026 10:00:00 -0500',
      'Subject: Your internship offer',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hi Ngozi, please find your offer letter attached.',
      '--b1',
      'Content-Type: application/pdf; name="offer.pdf"',
      'Content-Disposition: attachment; filename="offer.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64').replace(/(.{76})/g, '$1\n'),
      '--b1--',
      '',
    ].join('\r\n');
    const doc = await extract(Buffer.from(eml));
    expect(doc.mediaType).toBe('message/rfc822');
    expect(doc.email).toMatchObject({ from: { address: 'talent@brightwave.example' }, subject: 'Your internship offer' });
    expect(doc.email?.to[0]).toMatchObject({ name: 'Ngozi Okafor' });
    expect(doc.pages).toHaveLength(2);
    expect(doc.pages[0].text).toContain('From: Talent Team <talent@brightwave.example>');
    expect(doc.pages[1].text).toContain('Marketing Intern');
  });

  it('reads plain text and notes when the declared type disagrees with the bytes', async () => {
    const doc = await extract(Buffer.from('Dear Hiroshi Tanaka,\nWe offer you an internship.'), 'application/pdf');
    expect(doc.mediaType).toBe('text/plain');
    expect(doc.notices.map((n) => n.code)).toEqual(['DOCUMENT_TYPE_MISMATCH']);
  });

  it('refuses an image when OCR is switched off, and a document with no text', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await expect(extract(png)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(extract(await pdfOf(['']))).rejects.toMatchObject({ code: 'DOCUMENT_EMPTY' });
  });
});
