import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, multipartBody } from '../helper.js';
import { LETTER, pdfOf, pngDeclaring, rawTextPdf } from '../ingest/samples.js';
import { DOCM_MAIN, buildDocx, buildZip } from '../ingest/zipBuilder.js';

const CFB = createRequire(import.meta.url)('cfb') as {
  utils: { cfb_new(): unknown; cfb_add(c: unknown, path: string, content: Buffer): void };
  write(c: unknown, o: { type: 'buffer' }): Buffer;
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const JS_ACTION = '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>';

/** The same PDF with its objects packed into compressed object streams by qpdf: /JS is no longer in the raw bytes. */
function packObjects(pdf: Buffer): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'offercheck-test-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--object-streams=generate', '--compress-streams=y', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('hostile documents get a clear error or a clear warning', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ READER_WORKERS: '1', RATE_LIMIT_PER_MINUTE: '10000' });
    await Promise.all([app.checker.ready(), app.checker.warm()]);
  });
  afterAll(() => app.close());

  const send = (payload: Buffer, contentType = 'application/octet-stream') =>
    app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': contentType }, payload });
  const findingCodes = (response: { json(): { findings: { code: string; severity: string }[] } }) =>
    response.json().findings.filter((f) => f.code.startsWith('DOCUMENT_')).map((f) => `${f.code}:${f.severity}`);

  it('refuses a PDF that needs a password to open, whatever its cipher', async () => {
    for (const options of [{ userPassword: 'secret' }, { userPassword: 'secret', pdfVersion: '1.7ext3' }]) {
      const response = await send(await pdfOf([LETTER], options as PDFKit.PDFDocumentOptions));
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'DOCUMENT_ENCRYPTED', detail: expect.stringMatching(/password/) });
    }
  });

  it('reads a PDF that only restricts printing (an owner password opens without being asked)', async () => {
    const response = await send(await pdfOf([LETTER], { ownerPassword: 'secret', permissions: { printing: 'lowResolution' } } as PDFKit.PDFDocumentOptions));
    expect(response.statusCode).toBe(200);
    expect(response.json().document.characters).toBeGreaterThan(200);
  });

  it('warns about JavaScript in a PDF, in plain sight or packed into object streams, and never runs it', async () => {
    const plain = rawTextPdf(LETTER, JS_ACTION);
    for (const pdf of [plain, packObjects(plain)]) {
      const response = await send(pdf, 'application/pdf');
      expect(response.statusCode).toBe(200);
      expect(findingCodes(response)).toEqual(['DOCUMENT_HAS_SCRIPT:warning']);
    }
    expect(packObjects(plain).toString('latin1')).not.toMatch(/\/JS\b/);
  });

  it('warns about macros in a .docm and about a remote template, and still reads the letter', async () => {
    const docm = buildDocx(LETTER.split('\n'), [{ name: 'word/vbaProject.bin', data: 'Attribute VB_Name = "ThisDocument"' }], { mainContentType: DOCM_MAIN });
    const macros = await send(docm);
    expect(macros.statusCode).toBe(200);
    expect(findingCodes(macros)).toEqual(['DOCUMENT_HAS_MACROS:warning']);
    expect(macros.json().document.characters).toBeGreaterThan(200);
    const template = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="https://templates.example/t.dotm" TargetMode="External"/></Relationships>`;
    const injected = await send(buildDocx(LETTER.split('\n'), [{ name: 'word/_rels/settings.xml.rels', data: template }]));
    expect(injected.statusCode).toBe(200);
    expect(findingCodes(injected)).toEqual(['DOCUMENT_EXTERNAL_REFERENCES:warning']);
  });

  it('refuses polyglots with DOCUMENT_AMBIGUOUS_TYPE', async () => {
    const pdf = await pdfOf([LETTER]);
    const zip = buildZip([{ name: 'index.html', data: '<script>fetch("https://x.example")</script>' }]);
    for (const payload of [Buffer.concat([pdf, zip]), Buffer.concat([pngDeclaring(10, 10).subarray(0, 33), Buffer.from('%PDF-1.4\n'), pdf])]) {
      const response = await send(payload);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('DOCUMENT_AMBIGUOUS_TYPE');
    }
  });

  it('warns when the Content-Type or the file name says one thing and the bytes another', async () => {
    const pdf = await pdfOf([LETTER]);
    const byType = await send(pdf, 'image/jpeg');
    expect(byType.statusCode).toBe(200);
    expect(findingCodes(byType)).toEqual(['DOCUMENT_TYPE_MISMATCH:warning']);
    const form = multipartBody([{ name: 'file', value: buildDocx(LETTER.split('\n')), filename: 'offer-letter.pdf', contentType: 'application/octet-stream' }]);
    const byName = await app.inject({ method: 'POST', url: '/v1/validate', ...form });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().findings).toContainEqual(expect.objectContaining({ code: 'DOCUMENT_TYPE_MISMATCH', message: expect.stringMatching(/named \.pdf/) }));
  });

  it('names a password-protected Word file, where it would otherwise look like a broken Outlook message', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.alloc(4096, 1));
    CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(8192, 2));
    const response = await send(CFB.write(cfb, { type: 'buffer' }));
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('DOCUMENT_ENCRYPTED');
  });

  it('reads a Word 97-2003 .doc, and refuses one whose sector chains loop before its reader follows them', async () => {
    const doc = readFileSync(new URL('../data/doc/offer-letter.doc', import.meta.url));
    const read = await send(doc, 'application/msword');
    expect(read.statusCode).toBe(200);
    expect(read.json().document).toMatchObject({ mediaType: 'application/msword' });
    const looping = Buffer.from(doc);
    const directory = looping.readUInt32LE(0x30);
    looping.writeUInt32LE(directory, (looping.readUInt32LE(0x4c) + 1) * 512 + directory * 4);
    const refused = await send(looping, 'application/msword');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'DOCUMENT_UNREADABLE', detail: expect.stringMatching(/loops/) });
  });
});
