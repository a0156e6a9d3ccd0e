import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingestDocument.js';
import { LETTER, jpegDeclaring, pdfOf, pngDeclaring } from './samples.js';
import { buildDocx, buildZip } from './zipBuilder.js';

const CFB = createRequire(import.meta.url)('cfb') as {
  utils: { cfb_new(): unknown; cfb_add(c: unknown, path: string, content: Buffer): void };
  write(c: unknown, o: { type: 'buffer' }): Buffer;
};

const LIMITS = {
  maxBytes: 1024 * 1024,
  maxEntries: 100,
  maxUncompressedBytes: 16 * 1024 * 1024,
  maxRatio: 200,
  maxImagePixels: 40_000_000,
  maxPages: 10,
};

function compoundFile(streams: Record<string, string>): Buffer {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, Buffer.from(content.padEnd(5000, ' '), 'latin1'));
  return CFB.write(cfb, { type: 'buffer' });
}

const ingest = (bytes: Uint8Array, type: string | null = null, name?: string) => ingestDocument(bytes, type, LIMITS, { declaredName: name });

describe('ingestDocument', () => {
  it('types a PDF, a Word document and a text letter from their bytes', async () => {
    expect(ingest(await pdfOf([LETTER])).kind).toBe('pdf');
    const docx = ingest(buildDocx(['Dear Priya Raman,']));
    expect(docx.kind).toBe('docx');
    expect(docx.zipEntries?.map((e) => e.name)).toContain('word/document.xml');
    expect(ingest(Buffer.from(LETTER)).kind).toBe('text');
  });

  it('answers empty and oversized uploads with their own codes', () => {
    expect(() => ingest(Buffer.alloc(0))).toThrow(expect.objectContaining({ code: 'DOCUMENT_EMPTY' }));
    expect(() => ingest(Buffer.alloc(LIMITS.maxBytes + 1, 0x41))).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
  });

  it('warns when the Content-Type or the file name claims another type than the bytes', async () => {
    const pdf = await pdfOf([LETTER]);
    expect(ingest(pdf, 'image/png').notices.map((n) => n.code)).toEqual(['DOCUMENT_TYPE_MISMATCH']);
    const renamed = ingest(buildDocx(['a']), 'application/octet-stream', 'offer.pdf');
    expect(renamed.notices).toEqual([expect.objectContaining({ code: 'DOCUMENT_TYPE_MISMATCH', message: expect.stringMatching(/named \.pdf/) })]);
    // Names the reader agrees with, or says nothing about, are quiet.
    expect(ingest(buildDocx(['a']), null, 'offer.docm').notices).toEqual([]);
    expect(ingest(pdf, 'application/pdf', 'Offer Letter (final).PDF').notices).toEqual([]);
    expect(ingest(pdf, null, 'offer').notices).toEqual([]);
    expect(ingest(pngDeclaring(100, 100), null, 'scan.jpg').notices.map((n) => n.code)).toEqual(['DOCUMENT_TYPE_MISMATCH']);
  });

  it('refuses images whose header declares more pixels than allowed, before any decoder runs', () => {
    expect(() => ingest(pngDeclaring(100_000, 100_000))).toThrow(expect.objectContaining({ code: 'IMAGE_TOO_LARGE', message: expect.stringMatching(/100000 x 100000/) }));
    expect(() => ingest(jpegDeclaring(65_000, 65_000))).toThrow(expect.objectContaining({ code: 'IMAGE_TOO_LARGE' }));
    expect(ingest(pngDeclaring(2550, 3300)).kind).toBe('image'); // a 300-dpi letter page
  });

  it('refuses polyglots: a PDF that is also a zip, and other formats that are also PDFs', async () => {
    const pdf = await pdfOf([LETTER]);
    const zip = buildZip([{ name: 'payload.html', data: '<script>alert(1)</script>' }]);
    const refused = expect.objectContaining({ code: 'DOCUMENT_AMBIGUOUS_TYPE' });
    expect(() => ingest(Buffer.concat([pdf, zip]))).toThrow(refused);
    expect(() => ingest(Buffer.concat([pngDeclaring(10, 10), zip]))).toThrow(refused);
    expect(() => ingest(Buffer.concat([pngDeclaring(10, 10).subarray(0, 33), Buffer.from('%PDF-1.4\n'), pdf]))).toThrow(refused);
    expect(() => ingest(Buffer.concat([Buffer.from('<html><body>hello</body></html>\n'), pdf]))).toThrow(refused);
    // A zip whose first stored entry puts "%PDF-" within the first KiB, where PDF readers look for their header.
    const early = buildZip([{ name: 'a.txt', data: '%PDF-1.4 fake', store: true }, { name: 'word/document.xml', data: '<w:document/>' }]);
    expect(() => ingest(early)).toThrow(refused);
  });

  it('still accepts a PDF with a few bytes of plain junk before its header', async () => {
    const pdf = await pdfOf([LETTER]);
    expect(ingest(Buffer.concat([Buffer.from('\r\n\r\n'), pdf])).kind).toBe('pdf');
  });

  it('names a password-protected Word file instead of calling it a broken Outlook message', () => {
    expect(() => ingest(compoundFile({ EncryptionInfo: 'info', EncryptedPackage: 'secret' }))).toThrow(expect.objectContaining({ code: 'DOCUMENT_ENCRYPTED' }));
  });

  it('types a Word 97-2003 .doc and checks its Word header before any reader opens it', () => {
    const doc = ingest(readFileSync(new URL('../data/doc/offer-letter.doc', import.meta.url)), 'application/msword', 'offer-letter.doc');
    expect(doc).toMatchObject({ kind: 'doc', mediaType: 'application/msword', notices: [] });
    // The File Information Block: wIdent, nFib, and the flags word at 0x0A (0x0200: the table stream is 1Table).
    const fib = (nFib: number, flags: number) => {
      const b = Buffer.alloc(0x20);
      b.writeUInt16LE(0xa5ec, 0);
      b.writeUInt16LE(nFib, 2);
      b.writeUInt16LE(flags, 0x0a);
      return b.toString('latin1');
    };
    expect(() => ingest(compoundFile({ WordDocument: fib(0xc1, 0x0200 | 0x0100), '1Table': 'table' }))).toThrow(expect.objectContaining({ code: 'DOCUMENT_ENCRYPTED' }));
    expect(() => ingest(compoundFile({ WordDocument: fib(0x68, 0), '0Table': 'table' }))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/Word 6\.0\/95/) }));
    expect(() => ingest(compoundFile({ WordDocument: fib(0xc1, 0x0200), '0Table': 'table' }))).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE', message: expect.stringMatching(/table stream/) }));
    expect(() => ingest(compoundFile({ WordDocument: 'text', '1Table': 'table' }))).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
    expect(ingest(compoundFile({ WordDocument: fib(0xc1, 0x0200), '1Table': 'table' })).kind).toBe('doc');
    const withMacros = ingest(compoundFile({ WordDocument: fib(0xc1, 0x0200), '1Table': 'table', 'Macros/VBA/dir': 'vba' }));
    expect(withMacros.notices.map((n) => n.code)).toEqual(['DOCUMENT_HAS_MACROS']);
  });

  it('refuses a zip that is not a Word document', () => {
    expect(() => ingest(buildZip([{ name: 'photos/a.jpg', data: 'x' }]))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
  });
});
