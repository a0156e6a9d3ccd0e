import { AlignmentType, Document, Footer, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkZipArchive } from '../../src/ingest/checkZipArchive.js';
import { countPictures, htmlToText, readDocx, wordXmlToText } from '../../src/extract/readDocx.js';

const LIMITS = { maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };

async function letterDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: 'Quillfeather Labs, Inc.', bold: true })] }), new Paragraph('88 Harbor Way, Portland, ME 04101')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, text: 'Headquarters: 1 Corporate Plaza, Wilmington, DE 19801' })] }) },
        children: [
          new Paragraph('Dear Aigerim Bekova,'),
          new Paragraph('We are pleased to offer you a co-op position.'),
          new Table({
            rows: [
              new TableRow({ children: [cell('Position'), cell('Robotics Co-op')] }),
              new TableRow({ children: [cell('Hours'), cell('40 hours per week')] }),
            ],
          }),
          new Paragraph('Sincerely,'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx', () => {
  it('reads the header (where letterheads sit), the body with table rows kept whole, then the footer', async () => {
    const bytes = await letterDocx();
    const { text, notices } = await readDocx(bytes, checkZipArchive(bytes, LIMITS));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Quillfeather Labs, Inc.');
    expect(lines[1]).toBe('88 Harbor Way, Portland, ME 04101');
    expect(lines).toContain('Position | Robotics Co-op');
    expect(lines).toContain('Hours | 40 hours per week');
    expect(lines.at(-1)).toBe('Headquarters: 1 Corporate Plaza, Wilmington, DE 19801');
    expect(lines.indexOf('Dear Aigerim Bekova,')).toBeGreaterThan(1);
    expect(notices).toEqual([]);
  });

  it('keeps one copy of a text box, not its VML fallback as well', () => {
    const xml =
      '<w:hdr><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Acme Robotics</w:t></w:r></w:p></w:txbxContent></mc:Choice>' +
      '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Acme Robotics</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:hdr>';
    expect(wordXmlToText(xml).match(/Acme Robotics/g)).toHaveLength(1);
  });

  it('decodes entities and turns mammoth tables and lists into lines', () => {
    const html = '<p>Smith &amp; Rao LLP</p><table><tr><td><p>Start</p></td><td><p>June 1, 2027</p><p>(Monday)</p></td></tr></table><ul><li>Build dashboards</li></ul>';
    expect(htmlToText(html).split('\n')).toEqual(['Smith & Rao LLP', 'Start | June 1, 2027 (Monday)', '• Build dashboards']);
  });

  it('counts pictures in the body once, whether DrawingML or VML', () => {
    const drawing = '<w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
    const vml = '<w:pict><v:shape><v:imagedata r:id="rId9"/></v:shape></w:pict>';
    expect(countPictures(`<w:body>${drawing}${vml}</w:body>`)).toBe(2);
    expect(countPictures(`<mc:AlternateContent><mc:Choice>${drawing}</mc:Choice><mc:Fallback>${vml}</mc:Fallback></mc:AlternateContent>`)).toBe(1);
    expect(countPictures('<w:body><w:p><w:r><w:t>Sincerely</w:t></w:r></w:p></w:body>')).toBe(0);
  });

  it('refuses a zip that is not a Word document', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('hello.txt', 'not a letter');
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    await expect(readDocx(bytes, checkZipArchive(bytes, LIMITS))).rejects.toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
  });
});
