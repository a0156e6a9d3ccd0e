import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { crc32 } from './zipBuilder.js';

/** An invented letter; every name, company and address here is made up. */
export const LETTER_PEOPLE = {
  student: 'Priya Raman',
  street: '500 Boylston Street',
  salary: '$32.50',
};

export const LETTER = `Northwind Analytics LLC
500 Boylston Street, Boston, MA 02116

December 1, 2026

Dear Priya Raman,

We are pleased to offer you an internship as a Data Science Intern.
You will build data pipelines and analyze customer churn.
You will work 20 hours per week from June 1, 2027 to August 20, 2027
at 500 Boylston Street, Suite 300, Boston, MA 02116, paid $32.50 per hour.

Sincerely,
Dana Whitfield, Engineering Manager`;

export function pdfOf(pages: string[], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const text of pages) doc.addPage().fontSize(11).text(text, 72, 72);
    doc.end();
  });
}

/**
 * A PDF written object by object with a correct cross-reference table, so a test can put exactly
 * the structure it needs in it (an action, a nesting, a page size). Object 1 is the catalog.
 */
export function rawPdf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** One page of text in a hand-written PDF, with extra catalog entries (an /OpenAction, say). */
export function rawTextPdf(text: string, catalogExtra = '', mediaBox = '[0 0 612 792]'): Buffer {
  const lines = text.split('\n').map((l, i) => `BT /F1 11 Tf 72 ${720 - i * 14} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  return rawPdf([
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox ${mediaBox} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(lines, 'latin1')} >>\nstream\n${lines}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small, well-formed PNG file whose header declares width x height (the pixel data is one short row). */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + Math.min(width, 64)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG header (SOI, a JFIF APP0, then a baseline frame) declaring width x height. */
export function jpegDeclaring(width: number, height: number): Buffer {
  const app0 = Buffer.from('ffe000104a46494600010100000100010000', 'hex');
  const sof = Buffer.from('ffc0000b080000000001011100', 'hex');
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from('ffd8', 'hex'), app0, sof, Buffer.from('ffd9', 'hex')]);
}
