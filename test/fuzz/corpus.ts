import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { LETTER, cidFontPdf, gmailExport, jpegDeclaring, pdfOf, pdfWithPicture, pngDeclaring, rawPdf, rawTextPdf } from '../ingest/samples.js';
import { buildDocx, buildZip, documentXml } from '../ingest/zipBuilder.js';
import { compoundFileMutations } from './compoundFile.js';
import { mimeTreeMutations } from './mimeTree.js';
import { zipDirectoryMutations } from './zipDirectory.js';

/** One hostile or damaged upload: what it is, its bytes, and the Content-Type it is sent with. */
export interface FuzzInput {
  name: string;
  bytes: Buffer;
  contentType: string;
}

/** mulberry32: small, fast and the same on every machine, so a failing input can be found again by name. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const SEED_FIXTURES: [string, string][] = [
  ['text/pdfkit-classic-05.pdf', 'application/pdf'],
  ['text/pdfkit-table-06.pdf', 'application/pdf'],
  ['text/chromium-flex-03.pdf', 'application/pdf'],
  ['text/docx-header-01.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['text/docx-textbox-04.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['text/eml-attachment-03.eml', 'message/rfc822'],
  ['text/eml-html-02.eml', 'message/rfc822'],
  ['text/msg-01.msg', 'application/vnd.ms-outlook'],
  ['text/txt-01.txt', 'text/plain'],
  ['ocr/png-fax-04.png', 'image/png'],
  ['ocr/pdf-mixed-21.pdf', 'application/pdf'],
  ['ocr/webp-14.webp', 'image/webp'],
];

/**
 * Seed documents: the fixture letters when fixtures/ holds them, otherwise letters generated here
 * with pdfkit, docx and a hand-written email, so the fuzz suite never depends on another task.
 */
export async function seedDocuments(): Promise<FuzzInput[]> {
  const fromFixtures = SEED_FIXTURES.filter(([file]) => existsSync(new URL(file, FIXTURES))).map(([file, contentType]) => ({
    name: file.split('/').pop()!,
    bytes: readFileSync(new URL(file, FIXTURES)),
    contentType,
  }));
  if (fromFixtures.length >= 6) return fromFixtures;
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: LETTER.split('\n').map((line) => new Paragraph(line)) }] }));
  const pdf = await pdfOf([LETTER, 'Page two: the signature.']);
  const eml = Buffer.from(
    `From: Dana Whitfield <dana@northwind.example>\r\nTo: Priya Raman <priya@student.example>\r\nSubject: Your offer\r\nDate: Tue, 1 Dec 2026 10:00:00 -0500\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n${LETTER}\r\n--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=offer.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${pdf.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n--b1--\r\n`,
  );
  return [
    { name: 'generated.pdf', bytes: pdf, contentType: 'application/pdf' },
    { name: 'generated.docx', bytes: docx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    { name: 'generated.eml', bytes: eml, contentType: 'message/rfc822' },
    { name: 'generated.txt', bytes: Buffer.from(LETTER), contentType: 'text/plain' },
    { name: 'generated-raw.pdf', bytes: rawTextPdf(LETTER), contentType: 'application/pdf' },
    { name: 'generated-declared.png', bytes: pngDeclaring(200, 100), contentType: 'image/png' },
  ];
}

const MAGIC: [string, Buffer][] = [
  ['pdf', Buffer.from('%PDF-1.7\n')],
  ['zip', Buffer.from('504b0304', 'hex')],
  ['ole', Buffer.from('d0cf11e0a1b11ae1', 'hex')],
  ['png', Buffer.from('89504e470d0a1a0a', 'hex')],
  ['jpeg', Buffer.from('ffd8ffe0', 'hex')],
  ['gif', Buffer.from('GIF89a')],
  ['tiff', Buffer.from('49492a00', 'hex')],
  ['webp', Buffer.from('RIFF\0\0\0\0WEBPVP8X')],
  ['heic', Buffer.from('\0\0\0\x18ftypheic', 'latin1')],
];

/** Mutations of one seed: truncations, bit flips, overwritten runs, a wrong magic number, spliced and repeated regions. */
export function mutate(seed: FuzzInput, random: () => number, perKind: { flips: number; truncations: number; runs: number; magics: number; splices: number }): FuzzInput[] {
  const out: FuzzInput[] = [];
  const { bytes } = seed;
  const at = () => Math.floor(random() * bytes.length);
  for (let i = 0; i < perKind.truncations; i++) {
    const fraction = [0.01, 0.1, 0.5, 0.9, 0.99, random()][i % 6];
    const keep = Math.max(1, Math.floor(bytes.length * fraction) - (i === 4 ? 1 : 0));
    out.push({ ...seed, name: `${seed.name} truncated to ${keep} bytes`, bytes: bytes.subarray(0, keep) });
  }
  for (let i = 0; i < perKind.flips; i++) {
    const copy = Buffer.from(bytes);
    const flips = 1 + Math.floor(random() * (i % 3 === 0 ? 64 : 8));
    for (let f = 0; f < flips; f++) {
      const p = at();
      copy[p] ^= 1 << Math.floor(random() * 8);
    }
    out.push({ ...seed, name: `${seed.name} with ${flips} bits flipped (#${i})`, bytes: copy });
  }
  for (let i = 0; i < perKind.runs; i++) {
    const copy = Buffer.from(bytes);
    const start = at();
    const length = 1 + Math.floor(random() * Math.min(4096, bytes.length / 4));
    const fill = [0x00, 0xff, 0x20, Math.floor(random() * 256)][i % 4];
    copy.fill(fill, start, Math.min(copy.length, start + length));
    out.push({ ...seed, name: `${seed.name} with ${length} bytes at ${start} set to ${fill}`, bytes: copy });
  }
  for (let i = 0; i < perKind.magics; i++) {
    const [kind, magic] = MAGIC[Math.floor(random() * MAGIC.length)];
    const replaced = Buffer.concat([magic, bytes.subarray(magic.length)]);
    out.push({ ...seed, name: `${seed.name} with a ${kind} magic number`, bytes: replaced });
  }
  for (let i = 0; i < perKind.splices; i++) {
    const a = at();
    const b = at();
    const [from, to] = a < b ? [a, b] : [b, a];
    const region = bytes.subarray(from, Math.min(to, from + 65536));
    const spliced = i % 2 === 0 ? Buffer.concat([bytes.subarray(0, to), region, region, bytes.subarray(to)]) : Buffer.concat([bytes.subarray(0, from), bytes.subarray(to)]);
    out.push({ ...seed, name: `${seed.name} with region ${from}-${to} ${i % 2 === 0 ? 'repeated' : 'cut out'}`, bytes: spliced });
  }
  return out;
}

function tiffDeclaring(width: number, height: number, pages = 1): Buffer {
  const ifdSize = 2 + 2 * 12 + 4;
  const buf = Buffer.alloc(8 + pages * ifdSize);
  buf.write('II*\0', 0, 'latin1');
  buf.writeUInt32LE(8, 4);
  for (let p = 0; p < pages; p++) {
    const at = 8 + p * ifdSize;
    buf.writeUInt16LE(2, at);
    buf.writeUInt16LE(256, at + 2);
    buf.writeUInt16LE(4, at + 4);
    buf.writeUInt32LE(1, at + 6);
    buf.writeUInt32LE(width, at + 10);
    buf.writeUInt16LE(257, at + 14);
    buf.writeUInt16LE(4, at + 16);
    buf.writeUInt32LE(1, at + 18);
    buf.writeUInt32LE(height, at + 22);
    buf.writeUInt32LE(p + 1 < pages ? at + ifdSize : 0, at + 26);
  }
  return buf;
}

function gifDeclaring(width: number, height: number): Buffer {
  const head = Buffer.alloc(13);
  head.write('GIF89a', 0, 'latin1');
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  return Buffer.concat([head, Buffer.from('2c000000000100010000020144003b', 'hex')]);
}

function bmpDeclaring(width: number, height: number): Buffer {
  const buf = Buffer.alloc(64);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(64, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  return buf;
}

function webpDeclaring(width: number, height: number): Buffer {
  const buf = Buffer.alloc(30);
  buf.write('RIFF', 0, 'latin1');
  buf.writeUInt32LE(22, 4);
  buf.write('WEBPVP8X', 8, 'latin1');
  buf.writeUInt32LE(10, 16);
  buf.writeUIntLE(width - 1, 24, 3);
  buf.writeUIntLE(height - 1, 27, 3);
  return buf;
}

function heicDeclaring(width: number, height: number): Buffer {
  const ispe = Buffer.alloc(20);
  ispe.writeUInt32BE(20, 0);
  ispe.write('ispe', 4, 'latin1');
  ispe.writeUInt32BE(width, 12);
  ispe.writeUInt32BE(height, 16);
  return Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), ispe]);
}

/** A PDF with one page whose content stream is the given (uncompressed or raw) bytes. */
function pdfWithContent(content: Buffer, dict = ''): Buffer {
  const head = `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length ${content.length} ${dict} >>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), content, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

function email(headers: string, body: string): Buffer {
  return Buffer.from(`From: Dana Whitfield <dana@northwind.example>\r\nTo: Priya Raman <priya@student.example>\r\nSubject: Offer\r\nDate: Tue, 1 Dec 2026 10:00:00 -0500\r\nMIME-Version: 1.0\r\n${headers}\r\n\r\n${body}`);
}

/**
 * Inputs made on purpose to hurt: huge declared image sizes, zip and deflate bombs, deep nesting,
 * loops in a PDF's structure, runaway emails, and the degenerate (empty, one byte, only spaces).
 * `scale` shrinks the bombs for the quick run in the test suite.
 */
export function craftedInputs(scale: 'quick' | 'full'): FuzzInput[] {
  // The quick run's bombs are smaller and its app's limits lower to match (MAX_IMAGE_PIXELS 10 M: 40 MB per stream).
  const big = scale === 'full' ? 400 * 1024 * 1024 : 64 * 1024 * 1024;
  const depth = scale === 'full' ? 200_000 : 50_000;
  const inputs: FuzzInput[] = [];
  const add = (name: string, bytes: Buffer, contentType = 'application/octet-stream') => inputs.push({ name, bytes, contentType });

  // Degenerate.
  add('empty', Buffer.alloc(0));
  add('one byte', Buffer.from([0x25]));
  add('only spaces', Buffer.alloc(100_000, 0x20), 'text/plain');
  add('NUL bytes', Buffer.alloc(50_000), 'text/plain');
  add('UTF-16 text with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LETTER, 'utf16le')]), 'text/plain');
  add('one line of 250k characters', Buffer.from('Dear Priya Raman '.repeat(15_000)), 'text/plain');
  add('a run of 200k digits', Buffer.from(`Pay: $${'9'.repeat(200_000)} per hour`), 'text/plain');
  add('200k spaces between words', Buffer.from(`Dear${' '.repeat(200_000)}Priya, 40 hours per week`), 'text/plain');

  // Images declaring more pixels than any letter has.
  add('PNG declaring 100000 x 100000', pngDeclaring(100_000, 100_000), 'image/png');
  add('PNG declaring 1 x 2^31', pngDeclaring(1, 2 ** 31 - 1), 'image/png');
  add('PNG declaring 0 x 0', pngDeclaring(0, 0), 'image/png');
  add('JPEG declaring 65500 x 65500', jpegDeclaring(65_500, 65_500), 'image/jpeg');
  add('GIF declaring 65535 x 65535', gifDeclaring(65_535, 65_535), 'image/gif');
  add('BMP declaring 50000 x 50000', bmpDeclaring(50_000, 50_000), 'image/bmp');
  add('WebP declaring 16384 x 16384', webpDeclaring(16_384, 16_384), 'image/webp');
  add('TIFF declaring 100000 x 100000', tiffDeclaring(100_000, 100_000), 'image/tiff');
  add('TIFF with 500 pages', tiffDeclaring(100, 100, 500), 'image/tiff');
  add('HEIC declaring 60000 x 60000', heicDeclaring(60_000, 60_000), 'image/heic');

  // Zip bombs and lying archives.
  const letter = LETTER.split('\n');
  add('DOCX with a part that inflates 1000x (honest sizes)', buildDocx(letter, [{ name: 'word/media/image1.png', data: Buffer.alloc(big / 8) }]));
  add('DOCX with a part declaring 1 KiB that inflates to 50 MB', buildDocx(letter, [{ name: 'word/media/image1.png', data: Buffer.alloc(50 * 1024 * 1024), declaredSize: 1024 }]));
  add('DOCX whose document.xml declares a tenth of its size', lyingDocumentXml(letter));
  add('DOCX with 5000 entries', buildDocx(letter, Array.from({ length: 5000 }, (_, i) => ({ name: `word/media/i${i}.bin`, data: 'x', store: true }))));
  add('DOCX with a ZIP64 locator', buildDocx(letter, [], { zip: { zip64Locator: true } }));
  add('DOCX with overlapping entries', buildDocx(letter, [{ name: 'word/media/a.bin', data: Buffer.alloc(1_000_000) }, { name: 'word/media/b.bin', data: '', sameDataAs: 3 }]));
  add('DOCX with a 30 MB document.xml', buildDocx(Array.from({ length: 600_000 }, (_, i) => `Paragraph ${i} of a letter that goes on.`)));
  add('DOCX with an entity expansion bomb', buildZip([
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}"><!ENTITY d "${'&c;'.repeat(100)}">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>` },
  ]));
  add('DOCX with elements nested 50000 deep', buildZip([
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p>'.repeat(depth)}${'</w:p>'.repeat(depth)}</w:body></w:document>` },
  ]));
  add('DOCX with a nested zip bomb inside', buildDocx(letter, [{ name: 'word/embeddings/inner.zip', data: buildZip([{ name: 'zeros', data: Buffer.alloc(big / 8) }]), store: true }]));
  add('zip of a spreadsheet', buildZip([{ name: '[Content_Types].xml', data: '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' }, { name: 'word/document.xml', data: documentXml(letter) }]));

  // PDFs built to hurt a parser.
  add(`PDF with arrays nested ${depth} deep`, rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${'['.repeat(depth)}${']'.repeat(depth)} >>`, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>']));
  add(`PDF with dictionaries nested ${depth / 5} deep`, rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${'<< /A '.repeat(depth / 5)}1${' >>'.repeat(depth / 5)} >>`, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>']));
  add('PDF claiming a billion pages', rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>']));
  add('PDF whose page tree is a loop', rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>']));
  add('PDF with a page 10^9 points wide', rawTextPdf(LETTER, '', '[0 0 1000000000 1000000000]'));
  add('PDF with a negative, inverted media box', rawTextPdf(LETTER, '', '[612 792 -99999999 -5]'));
  add('PDF deflate bomb in its content stream', pdfWithContent(deflateSync(Buffer.alloc(big, 0x20), { level: 9 }), '/Filter /FlateDecode'));
  add('PDF deflate bomb behind an ASCIIHex filter', pdfWithContent(Buffer.from(deflateSync(Buffer.alloc(big / 4, 0x20), { level: 9 }).toString('hex') + '>'), '/Filter [/ASCIIHexDecode /FlateDecode]'));
  add('PDF with a stream whose /Length lies', pdfWithContent(Buffer.from('BT /F1 12 Tf 72 720 Td (Dear Priya Raman) Tj ET'), '/Length 999999999'));
  add('PDF with an inline image of 100000 x 100000', pdfWithContent(Buffer.from('q 100 0 0 100 0 0 cm BI /W 100000 /H 100000 /CS /G /BPC 8 ID \x00\x00\x00 EI Q')));
  add('PDF with 300k drawing operators', pdfWithContent(Buffer.from('0 0 m 1 1 l S\n'.repeat(300_000))));
  add('PDF with an xref that points at itself', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /Prev 58 >>\nstartxref\n58\n%%EOF\n'));
  add('PDF with JavaScript', rawTextPdf(LETTER, '/OpenAction << /S /JavaScript /JS (while\\(true\\){}) >>'));
  add('PDF header and nothing else', Buffer.from('%PDF-1.7\n%%EOF\n'));
  add('PDF with 2000 pages', rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: 2000 }, () => '3 0 R').join(' ')}] /Count 2000 >>`, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>']));

  // Emails that run away.
  const nested = (levels: number) => {
    let body = `Content-Type: text/plain\r\n\r\n${LETTER}\r\n`;
    for (let i = 0; i < levels; i++) body = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
    return body;
  };
  add('email with multipart nested 300 deep', Buffer.from(`From: Dana <dana@northwind.example>\r\nTo: Priya <priya@student.example>\r\nSubject: Offer\r\nMIME-Version: 1.0\r\n${nested(300)}`), 'message/rfc822');
  add('email with 3000 attachments', email('Content-Type: multipart/mixed; boundary=z', `--z\r\nContent-Type: text/plain\r\n\r\n${LETTER}\r\n${Array.from({ length: 3000 }, (_, i) => `--z\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a${i}.pdf\r\n\r\n%PDF-1.4 x\r\n`).join('')}--z--\r\n`), 'message/rfc822');
  add('email with a 4 MB header line', email(`X-Long: ${'a'.repeat(4 * 1024 * 1024)}`, LETTER), 'message/rfc822');
  add('email with base64 garbage', email('Content-Type: text/plain\r\nContent-Transfer-Encoding: base64', '!!!!****'.repeat(10_000)), 'message/rfc822');
  add('email with an unknown charset', email('Content-Type: text/plain; charset=x-no-such-charset', LETTER), 'message/rfc822');
  add('email carrying a DOCX zip bomb', email('Content-Type: multipart/mixed; boundary=z', `--z\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--z\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\nContent-Disposition: attachment; filename=offer.docx\r\nContent-Transfer-Encoding: base64\r\n\r\n${buildDocx(letter, [{ name: 'word/media/x.bin', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 100 }]).toString('base64')}\r\n--z--\r\n`), 'message/rfc822');
  add('email carrying a PDF deflate bomb', email('Content-Type: multipart/mixed; boundary=z', `--z\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--z\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=offer.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${pdfWithContent(deflateSync(Buffer.alloc(big, 0x20), { level: 9 }), '/Filter /FlateDecode').toString('base64')}\r\n--z--\r\n`), 'message/rfc822');

  // Ordinary files that type detection once misread, and a page that is one oversized picture.
  add('Gmail export with 60 header lines before From', gmailExport(LETTER), 'message/rfc822');
  add('mbox file', gmailExport(LETTER, { mbox: true }), 'application/mbox');
  add('text letter that begins "BMW Group"', Buffer.from(`BMW Group\n${LETTER}`), 'text/plain');
  add('windows-1252 text letter', iconv.encode(`${LETTER}\nWe’re glad: Café, €500.`, 'windows-1252'), 'text/plain');
  add('email with an undeclared latin-1 body', Buffer.concat([email('Content-Transfer-Encoding: 8bit', ''), iconv.encode(`${LETTER}\nCafé Lumière`, 'latin1')]), 'message/rfc822');
  add('Japanese PDF in a font that is not embedded', cidFontPdf(['株式会社さくらデータ', '山田花子様'], { cmap: 'UniJIS-UCS2-H', ordering: 'Japan1', name: 'KozMinPr6N-Regular' }), 'application/pdf');
  add('PDF page that is one 64-megapixel picture', pdfWithPicture(8000, 8000), 'application/pdf');

  // Compound files that are not what they seem.
  const ole = Buffer.alloc(4096);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole);
  add('OLE header over zeros', ole);
  const randomOle = Buffer.from(ole);
  const r = prng(7);
  for (let i = 8; i < randomOle.length; i++) randomOle[i] = Math.floor(r() * 256);
  add('OLE header over noise', randomOle);
  return inputs;
}

/** A DOCX whose document.xml declares a tenth of its real size. */
function lyingDocumentXml(paragraphs: string[]): Buffer {
  const xml = documentXml([...paragraphs, ...Array.from({ length: 20_000 }, (_, i) => `Filler paragraph ${i}.`)]);
  return buildZip([
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: xml, declaredSize: Math.floor(Buffer.byteLength(xml) / 10) },
  ]);
}

const MSG = 'application/vnd.ms-outlook';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EML = 'message/rfc822';
// The fixture letters whose structure the structured mutations take apart, by format.
const STRUCTURED_SEEDS: [string, string][] = [
  ['text/msg-01.msg', MSG],
  ['text/msg-02.msg', MSG],
  ['text/docx-header-01.docx', DOCX],
  ['text/docx-textbox-04.docx', DOCX],
  ['text/docx-table-02.docx', DOCX],
  ['text/eml-attachment-03.eml', EML],
  ['text/eml-html-02.eml', EML],
  ['text/eml-plain-01.eml', EML],
];

const CORPORA = new URL('../data/corpora/', import.meta.url);
const TYPE_BY_EXTENSION: Record<string, string> = { pdf: 'application/pdf', docx: DOCX, eml: EML, msg: MSG };

/**
 * The files from other projects' public test corpora (test/data/corpora, see its README), each sent
 * as it is, named by its folder: pdf.js's PDFs, mammoth's and python-docx's Word files,
 * mailparser's emails, msgreader's Outlook messages.
 */
export function corpusFiles(): FuzzInput[] {
  if (!existsSync(CORPORA)) return [];
  return readdirSync(CORPORA, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((dir) =>
      readdirSync(new URL(`${dir.name}/`, CORPORA))
        .filter((file) => TYPE_BY_EXTENSION[file.split('.').pop() ?? ''])
        .sort()
        .map((file) => ({
          name: `${dir.name}/${file}`,
          bytes: readFileSync(new URL(`${dir.name}/${file}`, CORPORA)),
          contentType: TYPE_BY_EXTENSION[file.split('.').pop()!],
        })),
    );
}

function structuredSeeds(): FuzzInput[] {
  return STRUCTURED_SEEDS.filter(([file]) => existsSync(new URL(file, FIXTURES))).map(([file, contentType]) => ({
    name: file.split('/').pop()!,
    bytes: readFileSync(new URL(file, FIXTURES)),
    contentType,
  }));
}

/** The structured mutations of one file, by its type: CFB directories, zip central directories, MIME trees. */
export function structuredMutations(seed: FuzzInput, random: () => number, count: number): FuzzInput[] {
  if (seed.contentType === MSG) return compoundFileMutations(seed, random, count);
  if (seed.contentType === DOCX) return zipDirectoryMutations(seed, random, count);
  if (seed.contentType === EML) return mimeTreeMutations(seed, random, count);
  return [];
}

/**
 * The whole corpus: crafted inputs, then mutations of every seed, then structured mutations of the
 * fixtures' Outlook, Word and email letters and of the other projects' files, then those files as
 * they are. The full run makes 37 byte-level mutations of each seed, every structured mutation of
 * each fixture and a few of each corpus file; the quick run one of each kind in turn, and a slice of
 * the corpus files.
 */
export async function buildFuzzCorpus(options: { scale: 'quick' | 'full'; seed?: number }): Promise<FuzzInput[]> {
  const random = prng(options.seed ?? 20261201);
  const seeds = await seedDocuments();
  const fixtures = structuredSeeds();
  const corpus = corpusFiles();
  if (options.scale === 'full') {
    const perKind = { flips: 20, truncations: 6, runs: 4, magics: 3, splices: 4 };
    return [
      ...craftedInputs('full'),
      ...seeds,
      ...seeds.flatMap((seed) => mutate(seed, random, perKind)),
      ...fixtures.flatMap((seed) => structuredMutations(seed, random, 40)),
      ...corpus.flatMap((file) => structuredMutations(file, random, file.contentType === DOCX ? 2 : 4)),
      ...corpus,
    ];
  }
  const none = { flips: 0, truncations: 0, runs: 0, magics: 0, splices: 0 };
  const turns = [{ ...none, truncations: 1 }, { ...none, flips: 1 }, { ...none, magics: 1 }];
  // Three structured mutations of each format, kinds far apart in the list; the looping sibling
  // (the .msg that aborted the service) among them.
  const quickStructured = [MSG, DOCX, EML].flatMap((type) => {
    const seed = fixtures.find((f) => f.contentType === type);
    return seed ? structuredMutations(seed, random, 21).filter((_, i) => i % 10 === 0) : [];
  });
  const sliceOfCorpus = corpus.filter((_, i) => i % 25 === 0);
  return [...craftedInputs('quick'), ...seeds.flatMap((seed, i) => mutate(seed, random, turns[i % turns.length])), ...quickStructured, ...sliceOfCorpus];
}
