import { describe, expect, it } from 'vitest';
import type { Box, LetterPage, Line } from '../../../src/document/letterDocument.js';
import { pageFromOcr, typeSize, uprightRows } from '../../../src/extract/layout/pageFromOcr.js';
import { parseTesseractTsv, type OcrTsvRow } from '../../../src/extract/ocr/tesseractTsv.js';

/** TSV rows of a page 2550 x 3300 px (letter at 300 dpi): one row per word, lines and paragraphs numbered by hand. */
function rowsOf(words: [block: number, paragraph: number, line: number, left: number, top: number, width: number, height: number, conf: number, text: string][]): OcrTsvRow[] {
  const tsv = ['1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t', ...words.map(([b, p, l, left, top, w, h, conf, text], i) => `5\t1\t${b}\t${p}\t${l}\t${i + 1}\t${left}\t${top}\t${w}\t${h}\t${conf}\t${text}`)];
  return parseTesseractTsv(tsv.join('\n'));
}

const linesOf = (page: LetterPage): (Line & { region: string })[] =>
  page.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'item' ? b.lines.map((l) => ({ ...l, region: b.region })) : []));
const at = (page: LetterPage, span: { start: number; end: number }) => page.text.slice(span.start, span.end);
const fourPlaces = (box: Box | null) => box !== null && Object.values(box).every((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6 && v >= 0 && v <= 1);

// A letterhead in 24 pt type (about 75 px of ink for "Acme"), a body at 11 pt (about 33 px for capitals).
const LETTER = rowsOf([
  [1, 1, 1, 900, 200, 330, 72, 96, 'Acme'],
  [1, 1, 1, 1260, 200, 480, 94, 95, 'Robotics'],
  [2, 1, 1, 300, 700, 330, 34, 93, 'March'],
  [2, 1, 1, 650, 700, 60, 38, 92, '3,'],
  [2, 1, 1, 730, 700, 140, 33, 94, '2027'],
  [3, 1, 1, 300, 900, 150, 33, 96, 'Dear'],
  [3, 1, 1, 470, 900, 150, 40, 90, 'Priya,'],
  [3, 2, 1, 300, 1000, 30, 33, 60, '|'],
  [3, 2, 1, 350, 1008, 80, 25, 91, 'am'],
  [3, 2, 1, 450, 1000, 230, 43, 88, 'pleased'],
  [3, 2, 2, 300, 1060, 30, 30, 70, '•'],
  [3, 2, 2, 350, 1060, 160, 33, 89, 'Build'],
  [3, 2, 2, 530, 1060, 330, 43, 87, 'dashboards'],
]);

describe('pageFromOcr', () => {
  const page = pageFromOcr({ number: 1, rows: LETTER, width: 2550, height: 3300, confidence: 0.9, opensDocument: true });

  it('writes the words as the engine laid them out, repaired as its text is, every span pointing at its words', () => {
    expect(page.text).toBe('Acme Robotics\n\nMarch 3, 2027\n\nDear Priya,\n\nI am pleased\n\n• Build dashboards');
    expect(page.source).toBe('ocr');
    expect(page.size).toEqual({ width: 2550, height: 3300 });
    for (const line of linesOf(page)) {
      for (const word of line.words ?? []) expect(at(page, word.span)).not.toMatch(/\s/);
    }
    expect(linesOf(page).map((l) => at(page, l.span))).toEqual(['Acme Robotics', 'March 3, 2027', 'Dear Priya,', 'I am pleased', 'Build dashboards']);
    const item = page.blocks.at(-1)!;
    expect(item).toMatchObject({ kind: 'item', marker: '•' });
  });

  it('gives every line and word its box in fractions of the page to four places, and every word its confidence', () => {
    const [head, date] = linesOf(page);
    expect(head.box).toEqual({ x: 0.3529, y: 0.0606, width: 0.3294, height: 0.0285 });
    expect(head.words?.map((w) => w.confidence)).toEqual([0.96, 0.95]);
    expect(head.words?.[0].box).toEqual({ x: 0.3529, y: 0.0606, width: 0.1294, height: 0.0218 });
    expect(date.confidence).toBeCloseTo((0.93 + 0.92 + 0.94) / 3, 3);
    for (const line of linesOf(page)) {
      expect(fourPlaces(line.box)).toBe(true);
      for (const word of line.words ?? []) expect(fourPlaces(word.box) && word.confidence !== null).toBe(true);
    }
  });

  it('tells the letterhead from the body by its type size at the top of the first page, and only there', () => {
    const [head, ...rest] = linesOf(page);
    expect(head.fontSize).toBeGreaterThan(1.8 * rest[0].fontSize!);
    expect(linesOf(page).map((l) => l.region)).toEqual(['header', 'body', 'body', 'body', 'body']);
    const later = pageFromOcr({ number: 2, rows: LETTER, width: 2550, height: 3300, confidence: 0.9, opensDocument: false });
    expect(linesOf(later).every((l) => l.region === 'body')).toBe(true);
  });

  it('turns the boxes of a page the engine read sideways so that its lines run across', () => {
    // The same letter turned a quarter clockwise in a 3300 x 2550 picture: text runs down the page.
    const turned = LETTER.map((r) => (r.level === 1 ? { ...r, width: 3300, height: 2550 } : { ...r, left: 3300 - r.top - r.height, top: r.left, width: r.height, height: r.width }));
    expect(uprightRows(turned, 3300, 2550)).toEqual({ rows: LETTER, width: 2550, height: 3300 });
    const upright = pageFromOcr({ number: 1, rows: turned, width: 3300, height: 2550, confidence: 0.9, opensDocument: true });
    expect(linesOf(upright).map((l) => [l.box, l.region])).toEqual(linesOf(page).map((l) => [l.box, l.region]));
  });
});

describe('pageFromOcr lays the words out by where they stand', () => {
  const read = (rows: OcrTsvRow[]) => pageFromOcr({ number: 1, rows, width: 2550, height: 3300, confidence: 0.9, opensDocument: false });

  it('puts back together a line tesseract cut into pieces on a slanted photo, and keeps the next line apart', () => {
    // One line of 11 pt type read as three pieces (blocks of their own), each a few pixels higher
    // than the last as the page rises to the right, then the next line 55 px lower.
    const page = read(
      rowsOf([
        [1, 1, 1, 300, 1000, 150, 33, 95, 'On'],
        [1, 1, 1, 470, 1000, 200, 33, 95, 'behalf'],
        [2, 1, 1, 700, 996, 120, 33, 94, 'of'],
        [2, 1, 1, 840, 995, 260, 33, 94, 'Harrow,'],
        [3, 1, 1, 1130, 990, 60, 33, 93, 'I'],
        [3, 1, 1, 1210, 989, 80, 25, 93, 'am'],
        [3, 1, 1, 1310, 988, 230, 43, 92, 'pleased'],
        [4, 1, 1, 300, 1055, 180, 33, 95, 'We'],
        [4, 1, 1, 500, 1055, 200, 33, 95, 'offer'],
      ]),
    );
    expect(linesOf(page).map((l) => at(page, l.span))).toEqual(['On behalf of Harrow, I am pleased', 'We offer']);
  });

  it('reads a label/value block as a table whose rows pair each label with its value, though OCR measures their sizes apart', () => {
    const label = (line: number, top: number, text: string, size: number): [number, number, number, number, number, number, number, number, string] => [1, line, 1, 300, top, 40 * text.length, size, 95, text];
    const value = (line: number, top: number, text: string, size: number): [number, number, number, number, number, number, number, number, string] => [2, line, 1, 1200, top, 40 * text.length, size, 95, text];
    const page = read(
      rowsOf([
        label(1, 1000, 'Position', 33),
        value(1, 1000, 'Intern', 36),
        label(2, 1090, 'Start', 33),
        value(2, 1090, '01/11/2027', 37),
        label(3, 1180, 'Department', 40),
        value(3, 1180, 'Gameplay', 44),
      ]),
    );
    const table = page.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows.map((r) => r.cells.map((c) => at(page, c.span)))).toEqual([
      ['Position', 'Intern'],
      ['Start', '01/11/2027'],
      ['Department', 'Gameplay'],
    ]);
  });

  it('takes a line of huge, barely believed "words" (a drawn signature) for a picture, not text on the name\'s line', () => {
    const page = read(
      rowsOf([
        [1, 1, 1, 300, 2360, 260, 40, 97, 'Sincerely,'],
        [2, 1, 1, 290, 2560, 300, 160, 2, 'prut'],
        [2, 1, 1, 900, 2550, 300, 170, 0, 'Posrdl'],
        [3, 1, 1, 303, 2610, 200, 33, 96, 'Michael'],
        [3, 1, 1, 520, 2610, 190, 33, 96, 'Torres'],
      ]),
    );
    expect(page.text).not.toMatch(/prut|Posrdl/);
    expect(linesOf(page).map((l) => at(page, l.span))).toContain('Michael Torres');
    const picture = page.blocks.find((b) => b.kind === 'picture');
    expect(picture?.box?.y).toBeCloseTo(2550 / 3300, 3);
  });
});

describe('pageFromOcr puts back the ink OCR left unread', () => {
  const closing = rowsOf([
    [1, 1, 1, 300, 2360, 260, 40, 97, 'Sincerely,'],
    [2, 1, 1, 303, 2610, 200, 33, 96, 'Michael'],
    [2, 1, 1, 520, 2610, 190, 33, 96, 'Torres'],
  ]);
  const read = (marks: { left: number; top: number; width: number; height: number; fill: number }[]) =>
    pageFromOcr({ number: 1, rows: closing, width: 2550, height: 3300, confidence: 0.9, opensDocument: false, marks });

  it('makes strokes no word covers one picture where they stand, and leaves the ink of words read alone', () => {
    const page = read([
      { left: 300, top: 2360, width: 260, height: 40, fill: 0.4 },
      { left: 310, top: 2470, width: 150, height: 90, fill: 0.2 },
      { left: 470, top: 2480, width: 200, height: 70, fill: 0.2 },
    ]);
    const pictures = page.blocks.filter((b) => b.kind === 'picture');
    expect(pictures).toHaveLength(1);
    expect(pictures[0].box).toEqual({ x: 0.1216, y: 0.7485, width: 0.1412, height: 0.0273 });
    // In reading order between the closing and the typed name.
    expect(page.blocks.map((b) => b.kind)).toEqual(['paragraph', 'picture', 'paragraph']);
  });

  it('reads a thin line alone on its line as a line to sign on, and a rule beside words as nothing', () => {
    const page = read([
      { left: 300, top: 2590, width: 600, height: 4, fill: 1 },
      { left: 1200, top: 2390, width: 600, height: 4, fill: 1 },
    ]);
    expect(page.text).toMatch(/^Sincerely,\n\n_{6,}\nMichael Torres$/);
  });
});

describe('typeSize', () => {
  it('reads the same size from words with and without ascenders and descenders', () => {
    // 11 pt at 300 dpi is 45.8 px: x-height words ~24 px, capitals ~33 px, both ~43 px.
    for (const word of [
      { text: 'was', height: 24 },
      { text: 'Dear', height: 33 },
      { text: 'pleased', height: 43 },
    ]) {
      expect(typeSize([word])).toBeGreaterThan(10.5);
      expect(typeSize([word])).toBeLessThan(11.5);
    }
    expect(typeSize([{ text: '—', height: 5 }])).toBeNull();
  });
});
