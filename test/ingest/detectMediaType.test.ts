import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectMediaType } from '../../src/ingest/detectMediaType.js';
import { LETTER, gmailExport } from './samples.js';

const kindOf = (bytes: Uint8Array | string) => detectMediaType(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)?.kind ?? null;

describe('detectMediaType: emails by their header block', () => {
  it('finds From after a Gmail export\'s forty-odd lines of Received, ARC and DKIM headers', () => {
    const eml = gmailExport(LETTER);
    const lines = eml.toString().split('\r\n');
    expect(lines.findIndex((l) => l.startsWith('From:'))).toBeGreaterThan(40);
    expect(detectMediaType(eml)).toEqual({ kind: 'email', mediaType: 'message/rfc822' });
  });

  it('reads an mbox file (a "From " line, then X-GM-* headers) as an email', () => {
    const mbox = gmailExport(LETTER, { mbox: true });
    expect(mbox.toString().startsWith('From 1851234567890123456@xxx ')).toBe(true);
    expect(kindOf(mbox)).toBe('email');
  });

  it('follows folded header lines and the obsolete space before a colon', () => {
    const eml = 'Received: from a.example\r\n\tby b.example;\r\n  Tue, 1 Dec 2026 10:00:00 -0500\r\nSubject : Offer\r\nFrom: Dana <dana@northwind.example>\r\n\r\nDear Priya,';
    expect(kindOf(eml)).toBe('email');
  });

  it('finds From wherever it sits within 500 header lines, and not past them', () => {
    const received = (n: number) => Array.from({ length: n }, (_, i) => `Received: from hop${i}.example by hop${i + 1}.example; Tue, 1 Dec 2026 10:00:00 -0500`).join('\r\n');
    const tail = '\r\nFrom: Dana <dana@northwind.example>\r\nDate: Tue, 1 Dec 2026 10:00:00 -0500\r\n\r\nDear Priya,';
    expect(kindOf(received(300) + tail)).toBe('email');
    expect(kindOf(received(600) + tail)).toBe('text');
  });

  it('keeps a plain-text letter that merely contains "From:" and "Date:" lines as text', () => {
    const letter = `${LETTER}\n\nFrom: Dana Whitfield\nDate: December 1, 2026\nSubject: your offer`;
    expect(kindOf(letter)).toBe('text');
    const quoted = `Dear Priya,\nplease see the message below.\n\nFrom: Dana Whitfield <dana@northwind.example>\nTo: Priya Raman <priya@student.example>\nSubject: Offer\n\n${LETTER}`;
    expect(kindOf(quoted)).toBe('text');
  });

  it('keeps a text whose first lines are not all header fields as text', () => {
    expect(kindOf('From: Dana Whitfield <dana@northwind.example>\nTo: Priya Raman\nthis line is no header\n\nDear Priya,')).toBe('text');
    expect(kindOf('  folded before any field\nFrom: Dana <dana@northwind.example>\nTo: Priya\n\nDear Priya,')).toBe('text');
  });

  it('reads an email whose body is 8-bit latin-1 as an email, not as bytes it cannot type', () => {
    const eml = Buffer.concat([Buffer.from('From: Dana <dana@northwind.example>\r\nTo: Priya <priya@student.example>\r\nSubject: Offer\r\n\r\n'), Buffer.from('Bienvenue au Caf\xe9 Lumi\xe8re.', 'latin1')]);
    expect(kindOf(eml)).toBe('email');
  });
});

describe('detectMediaType: images need a header that agrees with the magic number', () => {
  it('takes a text letter that begins "BMW Group" (or "GIF89a", "RIFF") for text, not an image', () => {
    expect(detectMediaType(Buffer.from(`BMW Group\nPetuelring 130, 80788 Munich\n\n${LETTER}`))).toEqual({ kind: 'text', mediaType: 'text/plain', encoding: 'utf-8' });
    expect(kindOf(`BM\n${LETTER}`)).toBe('text');
    expect(kindOf(`GIF89a is the format our designers use.\n${LETTER}`)).toBe('text');
    expect(kindOf(`RIFF WEBP notes\n${LETTER}`)).toBe('text');
    expect(kindOf(`abcdftypheic\n${LETTER}`)).toBe('text');
  });

  it('still types every image sharp writes, and hand-made headers the size checks rely on', async () => {
    const page = sharp({ create: { width: 120, height: 80, channels: 3, background: '#ffffff' } });
    expect(detectMediaType(await page.clone().png().toBuffer())?.mediaType).toBe('image/png');
    expect(detectMediaType(await page.clone().jpeg().toBuffer())?.mediaType).toBe('image/jpeg');
    expect(detectMediaType(await page.clone().webp().toBuffer())?.mediaType).toBe('image/webp');
    expect(detectMediaType(await page.clone().webp({ lossless: true }).toBuffer())?.mediaType).toBe('image/webp');
    expect(detectMediaType(await page.clone().gif().toBuffer())?.mediaType).toBe('image/gif');
    expect(detectMediaType(await page.clone().tiff().toBuffer())?.mediaType).toBe('image/tiff');
    expect(detectMediaType(bmp({ width: 50_000, height: 50_000 }))?.mediaType).toBe('image/bmp');
    expect(detectMediaType(bmp({ width: 640, height: -480, bits: 8 }))?.mediaType).toBe('image/bmp');
    expect(detectMediaType(Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(16)]))?.mediaType).toBe('image/heic');
  });

  it('refuses BMP headers with a reserved word set, an unknown info header, no planes or a bit depth no writer uses', () => {
    const refused = [
      bmp({ reserved: 1 }),
      bmp({ infoSize: 41 }),
      bmp({ planes: 0 }),
      bmp({ bits: 7 }),
      bmp({ width: 0 }),
      bmp({ pixelOffset: 20 }),
    ];
    for (const bytes of refused) expect(detectMediaType(bytes)?.kind).not.toBe('image');
  });

  it('refuses a PNG signature without its IHDR chunk and a GIF whose screen descriptor leads nowhere', () => {
    expect(kindOf(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('0000000d49444154', 'hex'), Buffer.alloc(16)]))).toBeNull();
    expect(kindOf(Buffer.from('GIF89a\x10\x00\x10\x00\x00\x00\x00XYZ', 'latin1'))).not.toBe('image');
  });
});

function bmp(o: { width?: number; height?: number; bits?: number; planes?: number; infoSize?: number; reserved?: number; pixelOffset?: number }): Buffer {
  const buf = Buffer.alloc(64);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(64, 2);
  buf.writeUInt32LE(o.reserved ?? 0, 6);
  buf.writeUInt32LE(o.pixelOffset ?? 54, 10);
  buf.writeUInt32LE(o.infoSize ?? 40, 14);
  buf.writeInt32LE(o.width ?? 4, 18);
  buf.writeInt32LE(o.height ?? 4, 22);
  buf.writeUInt16LE(o.planes ?? 1, 26);
  buf.writeUInt16LE(o.bits ?? 24, 28);
  return buf;
}
