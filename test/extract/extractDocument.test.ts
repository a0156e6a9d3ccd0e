import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extractDocument.js';
import { ingestDocument } from '../../src/ingest/ingestDocument.js';
import iconv from 'iconv-lite';
import { LETTER, gmailExport } from '../ingest/samples.js';

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

  it('reads a Gmail export whose From comes after forty lines of delivery headers as the email it is', async () => {
    const doc = await extract(gmailExport(LETTER));
    expect(doc.mediaType).toBe('message/rfc822');
    expect(doc.email).toMatchObject({ from: { address: 'dana@northwind.example' }, subject: 'Your internship offer' });
    expect(doc.pages[0].text).toContain('We are pleased to offer you an internship as a Data Science Intern.');
    expect(doc.pages[0].text).not.toMatch(/DKIM|Received:|base64/);
  });

  it('reads the first message of an mbox file and not the next one', async () => {
    const message = (sender: string, date: string, body: string) =>
      `From ${sender} ${date}\nFrom: ${sender}\nTo: priya.raman@student.example\nSubject: Note\nDate: Tue, 1 Dec 2026 10:00:00 -0500\n\n${body}\n`;
    const mbox = [
      message('dana@northwind.example', 'Tue Dec  1 15:02:12 2026', LETTER),
      message('facilities@student.example', 'Wed Dec  2 09:00:00 2026', 'Reminder: the parking permit form is due Friday.'),
    ].join('\n');
    const doc = await extract(Buffer.from(mbox));
    expect(doc.email?.from?.address).toBe('dana@northwind.example');
    expect(doc.pages[0].text).toContain('Data Science Intern');
    expect(doc.pages[0].text).not.toContain('parking permit');
  });

  it('decodes a windows-1252 text letter, and a raw upload by the charset it declares', async () => {
    const text = 'Dear Lucía Ferreira,\nWe’re pleased to offer you an internship at Café Lumière, paid €18.50 per hour.';
    expect((await extract(iconv.encode(text, 'windows-1252'))).pages[0].text).toBe(text);
    const russian = 'Уважаемая Анна Смирнова, мы рады предложить вам стажировку.';
    expect((await extract(iconv.encode(russian, 'koi8-r'), 'text/plain; charset=koi8-r')).pages[0].text).toBe(russian);
  });

  it('reads an email whose body is latin-1 without a declared charset', async () => {
    const eml = Buffer.concat([
      Buffer.from('From: Renée Dubois <renee@fernhollow.example>\r\nTo: Lucía Ferreira <lucia@student.example>\r\nSubject: Offer\r\nDate: Tue, 1 Dec 2026 10:00:00 -0500\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      iconv.encode('Dear Lucía,\r\nwelcome to Café Lumière as a Pastry Intern, 20 hours per week.\r\n', 'latin1'),
    ]);
    const doc = await extract(eml);
    expect(doc.pages[0].text).toContain('Dear Lucía,\nwelcome to Café Lumière as a Pastry Intern');
  });
});
