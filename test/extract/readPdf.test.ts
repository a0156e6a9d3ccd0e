import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../src/extract/extractDocument.js';
import { PDFJS_RENDER_DATA as PDFJS_DATA } from '../../src/extract/pdfParse.js';
import { letterPagesFromPdf } from '../../src/extract/pdf/letterPagesFromPdf.js';
import { readPdf } from '../../src/extract/readPdf.js';
import { ingestDocument } from '../../src/ingest/ingestDocument.js';
import { cidFontPdf } from '../ingest/samples.js';

// Invented letters in fonts that are not embedded, as Acrobat's Asian font packs write them.
const JAPANESE = ['株式会社さくらデータ', '山田花子様', 'データ分析インターンとして採用します。', '週20時間、2027年6月1日から'];
const japanesePdf = () => cidFontPdf(JAPANESE, { cmap: 'UniJIS-UCS2-H', ordering: 'Japan1', name: 'KozMinPr6N-Regular' });
// Russian text in a Chinese font's Cyrillic glyphs (Adobe-GB1 has them, proportional here), as office software in China writes it.
const RUSSIAN = ['ООО Северный Ветер', 'Уважаемая Анна Смирнова,', 'мы рады предложить вам стажировку', '20 часов в неделю'];
const russianPdf = () => cidFontPdf(RUSSIAN, { cmap: 'UniGB-UCS2-H', ordering: 'GB1', name: 'STSong-Light', width: 550 });

async function textOf(bytes: Buffer): Promise<string> {
  const read = await readPdf(bytes, 5);
  await read.parser.destroy();
  const pages = letterPagesFromPdf(read.pages.map((p) => p.layout), { firstNumber: 1, part: { kind: 'body', fileName: null }, imageCounts: read.pages.map((p) => p.imageCount) });
  return pages.map((p) => p.text).join('\n');
}

/** What poppler reads from the same bytes (pdftotext, with Debian's poppler-data for the CMaps). */
function popplerText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-q', '-', '-'], { input: bytes, encoding: 'utf8' });
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('readPdf: fonts that are not embedded', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads a Japanese letter set in a non-embedded font through UniJIS-UCS2-H, as poppler does', async () => {
    const bytes = japanesePdf();
    const text = await textOf(bytes);
    expect(words(text)).toEqual(JAPANESE);
    expect(words(text)).toEqual(words(popplerText(bytes)));
  });

  it('reads a Cyrillic letter set in a non-embedded CID font through UniGB-UCS2-H, as poppler does', async () => {
    const bytes = russianPdf();
    const text = await textOf(bytes);
    expect(words(text)).toEqual(words(RUSSIAN.join(' ')));
    expect(words(text)).toEqual(words(popplerText(bytes)));
  });

  it('reads the CMaps from the installed package and fetches nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    await textOf(japanesePdf());
    expect(fetch).not.toHaveBeenCalled();
    expect(existsSync(join(PDFJS_DATA.cMapUrl, 'UniJIS-UCS2-H.bcmap'))).toBe(true);
    expect(existsSync(join(PDFJS_DATA.standardFontDataUrl, 'FoxitSerif.pfb'))).toBe(true);
  });

  it('gives such a letter its text instead of DOCUMENT_EMPTY', async () => {
    const limits = { maxBytes: 1024 * 1024, maxPages: 5, maxTextChars: 100_000, maxEntries: 100, maxUncompressedBytes: 1024 * 1024, maxRatio: 100 };
    const doc = await extractDocument(ingestDocument(russianPdf(), 'application/pdf', limits), { limits, ocr: null });
    expect(doc.pages[0].text).toContain('Уважаемая Анна Смирнова');
  });
});
