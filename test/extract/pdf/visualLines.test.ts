import { describe, expect, it } from 'vitest';
import { textRunsOf, type PdfTextItem } from '../../../src/extract/pdf/textRuns.js';
import { visualLines } from '../../../src/extract/pdf/visualLines.js';

// A Letter page at scale 1, as pdf.js's viewport maps it: y down from the top edge.
const VIEWPORT = { width: 612, height: 792, transform: [1, 0, 0, -1, 0, 792] };

/** A pdf.js text item: `str` at x on the baseline `fromTop` points below the top edge. */
function item(str: string, x: number, fromTop: number, width: number, size = 10, font = 'g_d0_f1'): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, 792 - fromTop], width, height: size, fontName: font, hasEOL: false };
}

const read = (items: PdfTextItem[]) =>
  visualLines(textRunsOf({ items, styles: { g_d0_f1: { ascent: 0.9, descent: -0.2 } } }, VIEWPORT)).map((l) => l.segments.map((s) => s.words.map((w) => w.text).join(' ')));

describe('visualLines', () => {
  it('keeps a justified line drawn word by word whole, and splits a table row at its wide gap', () => {
    // Justified: every gap about one em; the row: a label, then its value seven ems on.
    const justified = ['You', 'will', 'report', 'to', 'Nisha'].map((w, i) => item(w, 72 + i * 40, 100, 28));
    expect(read(justified)).toEqual([['You will report to Nisha']]);
    expect(read([item('Start date', 72, 100, 45), item('June 1, 2027', 190, 100, 55)])).toEqual([['Start date', 'June 1, 2027']]);
  });

  it('joins letters drawn one by one (small caps) into words, and takes a space item or a gap as a word break', () => {
    const caps = [item('B', 72, 100, 9, 14), item('LUE', 81.2, 100, 25, 10), item(' ', 106.2, 100, 8), item('M', 110, 100, 11, 14), item('EDIA', 121, 100, 30, 10)];
    expect(read(caps)).toEqual([['BLUE MEDIA']]);
    expect(read([item('Tel', 72, 100, 14), item('(555)', 90, 100, 22)])).toEqual([['Tel (555)']]);
  });

  it('groups by baseline: a superscript stays on its line, the next line does not join it', () => {
    const lines = read([item('June 1', 72, 100, 30), item('st', 102, 97, 6, 6), item('Next line', 72, 112, 40)]);
    expect(lines).toEqual([['June 1st'], ['Next line']]);
  });

  it('keeps text drawn twice over itself (fake bold) once, marked doubled', () => {
    const runs = textRunsOf({ items: [item('Offer', 72, 100, 25), item('Offer', 72.3, 100, 25)], styles: {} }, VIEWPORT);
    const [line] = visualLines(runs);
    expect(line.segments).toHaveLength(1);
    expect(line.segments[0]).toMatchObject({ doubled: true, words: [{ text: 'Offer' }] });
  });

  it('lays out rotated text as a line of its own', () => {
    const rotated: PdfTextItem = { str: 'DRAFT', transform: [0, 20, -20, 0, 300, 400], width: 60, height: 20, fontName: 'g_d0_f1' };
    const lines = visualLines(textRunsOf({ items: [item('Body text', 72, 100, 40), rotated], styles: {} }, VIEWPORT));
    expect(lines.map((l) => l.segments[0].words.map((w) => w.text).join(' '))).toEqual(['Body text', 'DRAFT']);
  });

  it('reads a line of a hundred thousand glyphs drawn one by one (hostile input) without running out of stack', () => {
    const glyphs = Array.from({ length: 100_000 }, (_, i) => item('x', 10 + i * 2, 100, 2));
    const [line] = visualLines(textRunsOf({ items: glyphs, styles: {} }, VIEWPORT));
    expect(line.segments).toHaveLength(1);
    expect(line.segments[0].words[0].text).toHaveLength(100_000);
  });
});
