import type { DocumentPart, LetterPage } from '../../document/letterDocument.js';
import type { InkMark } from '../ocr/inkMarks.js';
import { repairOcrWords } from '../ocr/repairOcrLine.js';
import { paragraphsFromRows, wordConfidence, type OcrTsvLine, type OcrTsvRow, type OcrTsvWord } from '../ocr/tesseractTsv.js';
import { boxOf, writeLayoutBlocks } from '../pdf/letterPagesFromPdf.js';
import { pageRegions } from '../pdf/pageRegions.js';
import { MEASURED_TYPE_SIZES, layoutRuns, type Rect } from '../pdf/pdfPageLayout.js';
import type { TextRun } from '../pdf/textRuns.js';
import { PageBuilder, type WordInput } from './pageBuilder.js';

export interface OcrPageInput {
  number: number;
  part?: DocumentPart;
  /** tesseract's TSV rows for the page, as either engine gives them (OcrPageResult.tsv). */
  rows: readonly OcrTsvRow[];
  /** Size in pixels of the page the engine read: the rows' boxes are measured on it. */
  width: number;
  height: number;
  /** The page's mean word confidence, 0..1. */
  confidence: number;
  /** The page's size as its source gives it (a scanned PDF page, in points); by default the pixels read. */
  size?: { width: number; height: number } | null;
  imageCount?: number;
  /** The page opens its document (an image's first page, a PDF's first): a letterhead is looked for at its top. */
  opensDocument: boolean;
  /** Where the page has ink, in the pixels the rows are measured in (inkMarks.ts): what no word covers becomes a picture or a rule. */
  marks?: readonly InkMark[];
}

// The engines are told the page is at 300 dpi (engineParameters): a pixel is 72/300 of a point.
const POINTS_PER_PIXEL = 72 / 300;

/**
 * An OCR page of the structured document from tesseract's rows, the same for either engine, laid
 * out by the very geometry that lays out a PDF page (layoutRuns): every word OCR read becomes a
 * run of text at its box, on its line's baseline, in its line's type size; visual lines, columns,
 * tables, paragraphs and list items then come from where the words stand, not from tesseract's
 * own blocks, which cut a photographed page into false columns wherever light or perspective
 * leaves a wider gap, and read a table row by row as separate paragraphs. Tesseract's lines are
 * kept as the unit a word's baseline and size are measured on: it follows a slanted line further
 * than a baseline tolerance would. Each line's type size comes from the height of its words;
 * with it the page's regions are decided by the rule the PDF reader uses (pageRegions): large type
 * at the top of a first page is its letterhead (header), small type under the body its footer.
 * Every word keeps its box (fractions of the page, four places) and its confidence. Words are
 * repaired as the engine's text is (repairOcrWords).
 */
export function pageFromOcr(input: OcrPageInput): LetterPage {
  // A sideways page turns its ink marks with its words.
  const turn = quarterTurnOf(input.rows, input.width, input.height);
  const inkMarks = (input.marks ?? []).map((m) => (turn ? turn(m) : m));
  input = { ...input, ...uprightRows(input.rows, input.width, input.height) };
  // A line with no measurable word (marks only) counts as the page's usual size: neither larger nor smaller.
  const usualOf = (lines: readonly OcrLine[]) => median(lines.map((l) => l.size).filter((n): n is number => n !== null)) ?? 10;
  const read = ocrLines(input.rows);
  // A rule OCR read as a few letters it doubts ("SERRE" on a line to sign on) is a rule, not words;
  // the lines are measured again only where it took some.
  const misread = wordsReadOffRules(inkMarks, input.rows, usualOf(read));
  const measured = misread.size ? ocrLines(input.rows.filter((r) => !misread.has(r))) : read;
  const usual = usualOf(measured);
  const drawn = measured.filter((line) => isDrawnMark(line, usual));
  const lines = joinLinePieces(
    measured.filter((line) => !drawn.includes(line)),
    usual,
  );
  const unread = unreadMarks(inkMarks, measured.flatMap((l) => l.words), usual, input.width);
  const runs = [...lines.flatMap((line) => line.words.map((word) => runOf(word, line, usual))), ...unread.rules.map((rule) => ruleRun(rule, usual))];
  const pictures = [...drawn.map((mark) => rectOf(mark.words)), ...unread.pictures.map((m) => rectOf([m]))];
  const layout = layoutRuns(runs, { width: input.width * POINTS_PER_PIXEL, height: input.height * POINTS_PER_PIXEL }, pictures, MEASURED_TYPE_SIZES);
  const regions = input.width > 0 && input.height > 0 ? pageRegions([layout], new Set(input.opensDocument ? [0] : []))[0] : layout.blocks.map(() => 'body' as const);
  const builder = new PageBuilder({
    number: input.number,
    part: input.part,
    source: 'ocr',
    size: input.size ?? { width: input.width, height: input.height },
    ocrConfidence: input.confidence,
    imageCount: input.imageCount,
  });
  const hasBoxes = input.width > 0 && input.height > 0;
  writeLayoutBlocks(builder, layout, regions, (segment) => ({
    fontSize: Math.round(segment.size * 10) / 10,
    words: segment.words.map((w): WordInput => ({ text: w.text, box: hasBoxes ? boxOf(w, layout) : null, confidence: w.confidence ?? null })),
  }));
  return builder.build();
}

/**
 * The rows with their boxes turned so that the text runs left to right, when the engine read the
 * page's lines running down or up it: tesseract reads a block of vertical lines by turning it
 * itself, and gives its boxes in the picture's frame. (A photo whose page edges outweigh its text
 * can reach the engine turned a quarter; its words are read all the same.) A page is sideways when
 * most of its lines of two words or more are taller than wide; which way, from the order of their
 * words. The page's width and height are swapped with the boxes.
 */
export function uprightRows(rows: readonly OcrTsvRow[], width: number, height: number): { rows: readonly OcrTsvRow[]; width: number; height: number } {
  const turn = quarterTurnOf(rows, width, height);
  return turn ? { rows: rows.map(turn), width: height, height: width } : { rows, width, height };
}

/** The quarter turn that puts a sideways page's boxes upright (see uprightRows); null for a page read across. */
function quarterTurnOf(rows: readonly OcrTsvRow[], width: number, height: number): (<B extends PixelBox>(box: B) => B) | null {
  let sideways = 0;
  let level = 0;
  let downward = 0;
  for (const paragraph of paragraphsFromRows(rows)) {
    for (const line of paragraph.lines) {
      if (line.words.length < 2) continue;
      if (line.height > line.width) {
        sideways += 1;
        downward += line.words[line.words.length - 1].top > line.words[0].top ? 1 : -1;
      } else level += 1;
    }
  }
  if (sideways <= level) return null;
  // Text running down the picture turns a quarter anticlockwise to read across; running up, clockwise.
  return downward >= 0
    ? <B extends PixelBox>(r: B): B => ({ ...r, left: r.top, top: width - r.left - r.width, width: r.height, height: r.width })
    : <B extends PixelBox>(r: B): B => ({ ...r, left: height - r.top - r.height, top: r.left, width: r.height, height: r.width });
}

/** A word read, with the type size (points) of the piece of its line it stands in. */
type SizedWord = OcrTsvWord & { size: number | null };

interface OcrLine {
  words: SizedWord[];
  /** Type size in points at 300 dpi; null when no word tells. */
  size: number | null;
  /** Where the line's letters stand, in pixels: the bottom of its words that reach no lower. */
  baseline: number;
}

/** tesseract's lines, in its order, each word repaired (repairOcrWords) and the line's size and baseline measured. */
function ocrLines(rows: readonly OcrTsvRow[]): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const paragraph of paragraphsFromRows(rows)) {
    for (const tsvLine of paragraph.lines) {
      const texts = repairOcrWords(tsvLine.words.map((w) => w.text));
      const words = tsvLine.words.map((w, k) => ({ ...w, text: texts[k] })).filter((w, k) => w.text.trim() !== '' && !isSpeck(w, k));
      if (words.length === 0) continue;
      const size = typeSize(words);
      lines.push({ words: sizedPieces(words, size), size, baseline: baselineOf(words, tsvLine, size) });
    }
  }
  return lines;
}

// Words further apart than this many type sizes are in different cells or columns (visualLines cuts segments there too).
const PIECE_GAP = 1.25;

/**
 * The line's words, each with the type size of its piece: tesseract reads a letterhead's name and
 * the date block beside it as one line, and the name's larger type must stay the name's (a
 * table's cells, pageRegions' letterhead), not be averaged with the date's.
 */
function sizedPieces(words: readonly OcrTsvWord[], lineSize: number | null): SizedWord[] {
  if (lineSize === null) return words.map((w) => ({ ...w, size: null }));
  const gap = (PIECE_GAP * lineSize) / POINTS_PER_PIXEL;
  const pieces: OcrTsvWord[][] = [[words[0]]];
  for (let k = 1; k < words.length; k++) {
    if (words[k].left - (words[k - 1].left + words[k - 1].width) > gap) pieces.push([words[k]]);
    else pieces[pieces.length - 1].push(words[k]);
  }
  if (pieces.length === 1) return words.map((w) => ({ ...w, size: lineSize }));
  return pieces.flatMap((piece) => {
    // One word's height says little (a table rule touching it, a bracket): a piece keeps the
    // line's size unless several words agree on one clearly apart from it.
    const own = piece.length >= 2 ? typeSize(piece) : null;
    const size = own !== null && (own > lineSize * OWN_SIZE || own < lineSize / OWN_SIZE) ? own : lineSize;
    return piece.map((w) => ({ ...w, size }));
  });
}

// A piece's own size counts where it is this many times the line's, or less by as much.
const OWN_SIZE = 1.2;

/**
 * A word that is a speck of a fax or a scan read as text: punctuation the engine doubts (":" and
 * "." scattered beside a letterhead), one or two letters it doubts ("EE", "CC"), or doubted letters
 * squeezed into a box far too narrow or small for them (a photo's paper edge read as "SERRE"). Left
 * in, specks line up into false table columns beside real text. A line's first word may be its
 * list marker ("•", "«" for a bullet) and stays.
 */
function isSpeck(word: OcrTsvWord, index: number): boolean {
  if (!LETTERS.test(word.text)) return index > 0 && word.conf < SPECK_PUNCTUATION_CONFIDENCE;
  if (word.conf >= SPECK_LETTERS_CONFIDENCE) return false;
  // Letters narrower than a seventh of their height, each: the edge of the sheet or its shadow read
  // down the page ("SERRE" in a box 22 px wide and 62 high), never a word of upright text.
  // Or letters in a box smaller than any print (under 2.5 pt at the 300 dpi the page is read at).
  return (
    word.text.length <= 2 ||
    word.width / word.text.length < NARROWEST_LETTER * word.height ||
    word.height < SMALLEST_TEXT_PX
  );
}

const SPECK_PUNCTUATION_CONFIDENCE = 60;
const SPECK_LETTERS_CONFIDENCE = 50;
const NARROWEST_LETTER = 0.15;
const SMALLEST_TEXT_PX = 10;

/**
 * A line's baseline in pixels: the median bottom of its words with no descender (a "g", a comma),
 * which all end on it; with none, the line's bottom less a descender. Cells of one table row then
 * share a baseline whether or not their words hang below it, as they do in a PDF.
 */
function baselineOf(words: readonly OcrTsvWord[], line: OcrTsvLine, size: number | null): number {
  const flat = words.filter(sitsOnBaseline).map((w) => w.top + w.height);
  const middle = median(flat);
  if (middle !== null) return middle;
  return line.top + line.height - (size === null ? 0 : (DESCENDER * size) / POINTS_PER_PIXEL);
}

// Two pieces of one line meet where the baseline at the end of one is within this many type sizes
// of the baseline at the start of the next: a line's pieces follow its slant, the next line down
// is a whole line pitch (1.1 sizes or more) away.
const PIECE_BASELINE = 0.35;
// Pieces of one line are set in one type; a size this many times another's is something else.
const PIECE_SIZE_RATIO = 1.5;
// A piece that starts further left than this (type sizes) before the end of the other overlaps it: not its continuation.
const PIECE_OVERLAP = 0.5;

/**
 * tesseract's pieces of one visual line put back on one baseline. On a photographed page tesseract
 * often cuts a line where light or perspective leaves a gap, and reads a table's row as one line
 * per cell; a page is never quite level either, so two pieces of one line sit at slightly
 * different heights. A piece continues the one to its left when its words start where that one's
 * end, at the same height there (the slant is followed piece by piece, not measured against the
 * line's first word); the whole run of pieces then takes its first piece's baseline, and the
 * layout (visualLines) sees one line, cut into segments only where its gaps are wide.
 */
function joinLinePieces(lines: readonly OcrLine[], usualSize: number): OcrLine[] {
  const px = (line: OcrLine) => (line.size ?? usualSize) / POINTS_PER_PIXEL;
  const byLeft = [...lines].sort((a, b) => a.words[0].left - b.words[0].left);
  const chains: OcrLine[][] = [];
  for (const line of byLeft) {
    const start = line.words[0].left;
    let best: { chain: OcrLine[]; gap: number } | null = null;
    for (const chain of chains) {
      const last = chain[chain.length - 1];
      // Measured against the smaller type: a drawn signature over a typed name reads as a few
      // "words" of huge type, and its tolerance would take in the lines around it.
      const size = Math.min(px(last), px(line));
      if (Math.max(px(last), px(line)) > PIECE_SIZE_RATIO * size) continue;
      const end = rightOf(last);
      if (start < end - PIECE_OVERLAP * size) continue;
      if (Math.abs(endBaseline(last, 'right') - endBaseline(line, 'left')) > PIECE_BASELINE * size) continue;
      const gap = start - end;
      if (!best || gap < best.gap) best = { chain, gap };
    }
    if (best) best.chain.push(line);
    else chains.push([line]);
  }
  return chains.map((chain) => (chain.length === 1 ? chain[0] : { ...chain[0], words: chain.flatMap((l) => l.words) }));
}

function rightOf(line: OcrLine): number {
  const last = line.words[line.words.length - 1];
  return last.left + last.width;
}

/** The baseline at one end of a line: the bottom of its nearest word there with no descender; the line's own where it has none. */
function endBaseline(line: OcrLine, side: 'left' | 'right'): number {
  const words = side === 'left' ? line.words : [...line.words].reverse();
  const flat = words.slice(0, 3).find(sitsOnBaseline);
  return flat ? flat.top + flat.height : line.baseline;
}

function sitsOnBaseline(word: Pick<OcrTsvWord, 'text'>): boolean {
  return LETTERS.test(word.text) && !LOW.test(word.text) && !/[,;]$/.test(word.text);
}

// A drawing OCR tried to read as text (a handwritten signature, a stamp) gives "words" it barely
// believes, in type far larger than the page's: under this confidence (tesseract's 0..100), over this many times the usual size.
const MARK_CONFIDENCE = 40;
const MARK_SIZE = 1.6;

/**
 * Whether a line tesseract read is a drawing rather than text: its words read with little
 * confidence, in type much larger than the page's usual. It becomes a picture where it stands
 * (a signature over the typed name is found as one), not words that would join the name's line.
 */
function isDrawnMark(line: OcrLine, usualSize: number): boolean {
  const meanConfidence = line.words.reduce((sum, w) => sum + w.conf, 0) / line.words.length;
  return line.size !== null && line.size >= MARK_SIZE * usualSize && meanConfidence < MARK_CONFIDENCE;
}

type PixelBox = Pick<OcrTsvRow, 'left' | 'top' | 'width' | 'height'> & { rule?: true };

// A mark counts as read where words cover at least this share of it.
const READ_SHARE = 0.25;
// A rule: at most this many type sizes thick (a pen's line, a row of underscores), at least this
// many long, and no longer than this share of the page (a rule across the page is the
// letterhead's or a table's, not a line to sign on).
const RULE_THICKNESS = 0.3;
const RULE_LENGTH = 4;
const RULE_MAX_SHARE = 0.6;
// Type sizes of blank page a line to sign on has over it.
const RULE_ROOM = 0.8;
// A drawn mark worth a picture is at least this many type sizes high and wide; smaller is a speck.
const PICTURE_HEIGHT = 0.8;
const PICTURE_WIDTH = 1.5;
// Unread strokes this close (type sizes) are one drawing: a signature is seldom one stroke.
const PICTURE_JOIN = 1;

/**
 * The ink no word covers (`words`: what OCR read, specks left out), as lines to sign on (rules)
 * and drawings (pictures): OCR reads neither,
 * but the letter has both, a signature line over the signer's typed name, a signature drawn
 * between the closing and the name. Nearby strokes are joined into one picture.
 */
function unreadMarks(marks: readonly PixelBox[], words: readonly PixelBox[], usualSize: number, pageWidth: number): { rules: PixelBox[]; pictures: PixelBox[] } {
  const type = usualSize / POINTS_PER_PIXEL;
  const rules: PixelBox[] = [];
  const strokes: PixelBox[] = [];
  for (const mark of marks) {
    const area = mark.width * mark.height;
    let covered = 0;
    for (const w of words) covered += overlap(mark, w);
    // A rule found as a line is judged by its line, not by the words whose boxes reach down to it.
    if (area === 0 || (!mark.rule && covered / area >= READ_SHARE)) continue;
    if (mark.height <= RULE_THICKNESS * type && mark.width >= RULE_LENGTH * type && mark.width <= RULE_MAX_SHARE * pageWidth) {
      // A line to sign on stands alone on its line; a rule beside words (under a letterhead, by
      // the date) is the page's decoration and would only split that line into columns.
      // A line to sign on has room over it for the signature: text beside it, or just over it
      // (a table's border under its row), makes it the page's ruling, not a line to sign on.
      const band = { left: 0, top: mark.top - RULE_ROOM * type, width: Number.MAX_SAFE_INTEGER, height: mark.height + (RULE_ROOM + 0.1) * type };
      // Found both as a blob and as a line, a rule is one rule.
      if (!words.some((w) => overlap(band, w) > 0) && !rules.some((r) => overlap(r, { ...mark, top: mark.top - 2, height: mark.height + 4 }) > 0)) rules.push(mark);
    }
    else if (mark.height >= 0.3 * type || mark.width >= 0.3 * type) strokes.push(mark);
  }
  const pictures = joinStrokes(strokes, PICTURE_JOIN * type).filter((m) => m.height >= PICTURE_HEIGHT * type && m.width >= PICTURE_WIDTH * type);
  return { rules, pictures };
}

// Words the engine read off a rule: under this confidence (tesseract's 0..100).
const RULE_WORD_CONFIDENCE = 60;

/**
 * The words OCR read off a rule: every word over a rule-shaped mark, when all of them are
 * doubted. A line drawn to sign on, a little slanted or broken in a photo, comes out as "SERRE"
 * or "EAE"; left in, it is text (a signer's name, to the detectors) where the letter has none.
 */
function wordsReadOffRules(marks: readonly PixelBox[], rows: readonly OcrTsvRow[], usualSize: number): Set<OcrTsvRow> {
  const type = usualSize / POINTS_PER_PIXEL;
  const words = rows.filter((r) => r.level === 5 && r.text.trim() !== '');
  const out = new Set<OcrTsvRow>();
  for (const mark of marks) {
    if (mark.height > RULE_THICKNESS * type || mark.width < RULE_LENGTH * type) continue;
    const on = words.filter((w) => overlap(mark, w) > 0 && w.top + w.height <= mark.top + mark.height + type && w.top >= mark.top - type);
    if (on.length > 0 && on.every((w) => w.conf < RULE_WORD_CONFIDENCE)) for (const w of on) out.add(w);
  }
  return out;
}

function overlap(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Boxes within `gap` of each other, merged until none is. */
function joinStrokes(boxes: readonly PixelBox[], gap: number): PixelBox[] {
  let out = boxes.map((b) => ({ ...b }));
  let merged = true;
  while (merged) {
    merged = false;
    const next: PixelBox[] = [];
    for (const box of out) {
      const near = next.find((n) => box.left <= n.left + n.width + gap && n.left <= box.left + box.width + gap && box.top <= n.top + n.height + gap && n.top <= box.top + box.height + gap);
      if (!near) {
        next.push(box);
        continue;
      }
      const right = Math.max(near.left + near.width, box.left + box.width);
      const bottom = Math.max(near.top + near.height, box.top + box.height);
      near.left = Math.min(near.left, box.left);
      near.top = Math.min(near.top, box.top);
      near.width = right - near.left;
      near.height = bottom - near.top;
      merged = true;
    }
    out = next;
  }
  return out;
}

/**
 * A line to sign on as the text a PDF gives for it: a row of underscores as long as the line, on
 * the page's usual size, standing where the line is (the signature detector reads "______" over a name).
 */
function ruleRun(rule: PixelBox, usualSize: number): TextRun {
  const p = (v: number) => v * POINTS_PER_PIXEL;
  const count = Math.max(6, Math.round(p(rule.width) / (0.5 * usualSize)));
  return {
    text: '_'.repeat(count),
    x0: p(rule.left),
    x1: p(rule.left + rule.width),
    top: p(rule.top + rule.height) - 0.8 * usualSize,
    bottom: p(rule.top + rule.height),
    baseline: p(rule.top + rule.height),
    size: usualSize,
    font: '',
    spaceBefore: true,
    upright: true,
    doubled: false,
  };
}

/** The box around some words, in points. */
function rectOf(words: readonly PixelBox[]): Rect {
  const p = (v: number) => v * POINTS_PER_PIXEL;
  return {
    x0: p(Math.min(...words.map((w) => w.left))),
    top: p(Math.min(...words.map((w) => w.top))),
    x1: p(Math.max(...words.map((w) => w.left + w.width))),
    bottom: p(Math.max(...words.map((w) => w.top + w.height))),
  };
}

/** One word as a run of text in points, on its line's baseline and in its line's size. */
function runOf(word: SizedWord, line: OcrLine, usualSize: number): TextRun {
  const p = (v: number) => v * POINTS_PER_PIXEL;
  return {
    text: word.text,
    x0: p(word.left),
    x1: p(word.left + word.width),
    top: p(word.top),
    bottom: p(word.top + word.height),
    baseline: p(line.baseline),
    size: word.size ?? line.size ?? usualSize,
    font: '',
    // Every OCR word is a word of its own: never joined to the next however close.
    spaceBefore: true,
    upright: true,
    doubled: false,
    confidence: wordConfidence(word.conf),
  };
}

// How much of the type size a word's ink spans, by the letters it has (Liberation and Times-like
// faces): x-height letters alone about half of it, with an ascender or a capital about 0.72, each
// descender (g, p, y) adds about 0.21, a comma or semicolon below the line about 0.15.
const X_HEIGHT = 0.52;
const ASCENDER = 0.72;
const DESCENDER = 0.21;
const COMMA = 0.15;
const TALL = /[\p{Lu}\p{N}bdfhiklt!?&@#$%/\\'"]/u;
const LOW = /[gjpqyQ()[\]{}|]/;
const LETTERS = /[\p{L}\p{N}]/u;

/**
 * A line's type size in points (at 300 dpi), from its words' heights: each word's height divided
 * by the share of the type size its letters span, the median over the line. Null when no word
 * has a letter or digit. On a page the engine was told is 300 dpi, so the sizes of one page
 * compare with each other (the letterhead's with the body's); they are the sizes printed only
 * where the picture really is 300 dpi.
 */
export function typeSize(words: readonly Pick<OcrTsvWord, 'text' | 'height'>[]): number | null {
  const sizes: number[] = [];
  for (const word of words) {
    if (!LETTERS.test(word.text) || word.height <= 0) continue;
    const top = TALL.test(word.text) ? ASCENDER : X_HEIGHT;
    const below = LOW.test(word.text) ? DESCENDER : /[,;]$/.test(word.text) ? COMMA : 0;
    sizes.push(word.height / (top + below));
  }
  const middle = median(sizes);
  return middle === null ? null : Math.round(middle * POINTS_PER_PIXEL * 10) / 10;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
