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

/**
 * A one-page PDF whose content stream draws 200,000 text runs: seconds of pdf.js work whatever the
 * machine (about 3 s here) and ~300 MB of heap, for deadline and memory tests.
 */
export function slowPdf(): Buffer {
  const ops = Array.from({ length: 200_000 }, (_, i) => `BT /F1 1 Tf ${i % 500} ${i % 700} Td (w${i}) Tj ET`).join('\n');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
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

/**
 * An email as Gmail's "Download message" or a Takeout mbox gives it: 40-odd lines of delivery,
 * ARC and DKIM headers (folded over many lines) before From, and the body in base64. The hosts,
 * addresses and keys are invented.
 */
export function gmailExport(body: string, options: { mbox?: boolean } = {}): Buffer {
  const b64 = (n: number, seed: string) => Buffer.from(seed.repeat(n)).toString('base64').slice(0, 70);
  const hop = (from: string, by: string, id: string, time: string) => [
    `Received: from ${from} (${from}. [192.0.2.${id.length + 10}])`,
    `        by ${by} with ESMTPS id ${id}`,
    '        for <priya.raman@student.example>',
    '        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);',
    `        Tue, 01 Dec 2026 ${time} -0800 (PST)`,
  ];
  const lines = [
    ...(options.mbox ? ['From 1851234567890123456@xxx Tue Dec 01 15:02:12 +0000 2026', 'X-GM-THRID: 1851234567890123456', 'X-Gmail-Labels: Inbox,Important,Opened'] : []),
    'Delivered-To: priya.raman@student.example',
    'Received: by 2002:a05:7300:5c11:b0:14f:2e1:9a3c with SMTP id h17csp3302514dyc;',
    '        Tue, 1 Dec 2026 07:02:12 -0800 (PST)',
    `X-Google-Smtp-Source: ${b64(9, 'smtp-source')}`,
    `X-Received: by 2002:a17:90a:e7c4:b0:2e2:9b61:4f0a with SMTP id w4mr9911234pjy.77.1795000000000;`,
    '        Tue, 01 Dec 2026 07:02:12 -0800 (PST)',
    'ARC-Seal: i=1; a=rsa-sha256; t=1795000000; cv=none;',
    '        d=google.com; s=arc-20240605;',
    ...Array.from({ length: 4 }, (_, i) => `        b=${b64(8, `seal${i}`)}`),
    'ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605;',
    '        h=to:subject:message-id:date:from:mime-version:dkim-signature;',
    `        bh=${b64(4, 'body-hash')};`,
    ...Array.from({ length: 4 }, (_, i) => `        b=${b64(8, `msgsig${i}`)}`),
    'ARC-Authentication-Results: i=1; mx.google.com;',
    '       dkim=pass header.i=@northwind.example header.s=sel1 header.b=AbCdEf12;',
    '       spf=pass (google.com: domain of dana@northwind.example designates 192.0.2.10 as permitted sender) smtp.mailfrom=dana@northwind.example;',
    '       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=northwind.example',
    'Return-Path: <dana@northwind.example>',
    ...hop('mail.northwind.example', 'mx.google.com', '5b1f17b1804b1-4a0c2d1e3f4sor1234567f9.12.2026.12.01.07.02.10', '07:02:10'),
    ...hop('relay2.northwind.example', 'mail.northwind.example', 'a1b2c3d4e5', '07:02:09'),
    ...hop('app01.internal.northwind.example', 'relay2.northwind.example', 'f6e5d4c3', '07:02:08'),
    'Received-SPF: pass (google.com: domain of dana@northwind.example designates 192.0.2.10 as permitted sender) client-ip=192.0.2.10;',
    'Authentication-Results: mx.google.com;',
    '       dkim=pass header.i=@northwind.example header.s=sel1 header.b=AbCdEf12;',
    '       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=northwind.example',
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;',
    '        d=northwind.example; s=sel1; t=1795000000; x=1795604800;',
    '        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject',
    '         :date:message-id:reply-to;',
    `        bh=${b64(4, 'dkim-body')};`,
    ...Array.from({ length: 6 }, (_, i) => `        b=${b64(8, `dkim${i}`)}`),
    'X-Google-DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;',
    '        d=1e100.net; s=20230601; t=1795000000; x=1795604800;',
    `        b=${b64(8, 'google-dkim')}`,
    `X-Gm-Message-State: ${b64(8, 'message-state')}`,
    `X-Gm-Gg: ${b64(8, 'gg')}`,
    'MIME-Version: 1.0',
    'From: Dana Whitfield <dana@northwind.example>',
    'Date: Tue, 1 Dec 2026 10:02:00 -0500',
    'Message-ID: <CAF3x9kY7nWq2pL0vR8tZ1uH5eJ4mB6cD@mail.northwind.example>',
    'Subject: Your internship offer',
    'To: Priya Raman <priya.raman@student.example>',
    'Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6"',
    '',
    '--000000000000a1b2c3d4e5f6',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(body).toString('base64').match(/.{1,76}/g) ?? []),
    '--000000000000a1b2c3d4e5f6--',
    '',
  ];
  return Buffer.from(lines.join(options.mbox ? '\n' : '\r\n'));
}

/**
 * One page of text in a CID-keyed (Type0) font that is not embedded, addressed through a predefined
 * CMap such as UniJIS-UCS2-H: the codes in the content are UCS-2, and only the CMap maps them to
 * the glyphs of the named character collection (Adobe-Japan1, Adobe-GB1), as Acrobat writes text
 * in its Asian font packs' fonts. A reader without the predefined CMaps finds no text at all.
 */
export function cidFontPdf(lines: string[], font: { cmap: string; ordering: string; name: string; width?: number }): Buffer {
  const ucs2 = (s: string) => `<${[...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}>`;
  const content = lines.map((line, i) => `BT /F1 14 Tf 72 ${720 - i * 22} Td ${ucs2(line)} Tj ET`).join('\n');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${font.name} /Encoding /${font.cmap} /DescendantFonts [6 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font.name} /CIDSystemInfo << /Registry (Adobe) /Ordering (${font.ordering}) /Supplement 4 >> /FontDescriptor 7 0 R /DW ${font.width ?? 1000} >>`,
    `<< /Type /FontDescriptor /FontName /${font.name} /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>`,
  ]);
}

/**
 * One page that is a single bilevel picture of `width` x `height` pixels drawn over the whole page,
 * white with a few black bars where lines of text would be (DeviceGray, 1 bit, Flate: a 64-megapixel
 * page is about 10 KB), and an optional text layer. The bitmap is made here, never committed.
 */
export function pdfWithPicture(width: number, height: number, text = ''): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const bitmap = Buffer.alloc(rowBytes * height, 0xff); // 1 = white in DeviceGray
  for (let line = 0; line < 20; line++) {
    const top = Math.floor(height * (0.1 + line * 0.035));
    for (let y = top; y < top + Math.max(1, Math.floor(height / 200)); y++) bitmap.fill(0x00, y * rowBytes + Math.floor(rowBytes * 0.1), y * rowBytes + Math.floor(rowBytes * (line % 3 === 2 ? 0.6 : 0.9)));
  }
  const picture = deflateSync(bitmap, { level: 9 });
  const lines = text ? text.split('\n').map((l, i) => `BT /F1 11 Tf 72 ${720 - i * 14} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`) : [];
  const content = ['q 612 0 0 792 0 0 cm /Im1 Do Q', ...lines].join('\n');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length ${picture.length} >>\nstream\n${picture.toString('latin1')}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}
