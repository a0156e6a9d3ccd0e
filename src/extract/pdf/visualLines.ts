import type { TextRun } from './textRuns.js';

/** A word as it is read off the page, with its box in points. */
export interface PlacedWord {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** OCR's confidence in the word, 0..1; absent for a text layer. */
  confidence?: number;
}

/**
 * Text that reads as one piece along a visual line: the runs between two wide gaps. A line of
 * prose is one segment; a table row or a line across two columns has one per cell or column.
 */
export interface Segment {
  words: PlacedWord[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  /** The font size most of its characters have, in points. */
  size: number;
  /** The font most of its characters have (pdf.js's name). */
  font: string;
  /** Every run was drawn twice over itself (a producer's fake bold). */
  doubled: boolean;
  /** How many pdf.js items it was drawn in: one for most lines of prose. */
  pieces: number;
}

/** Runs that share a baseline, left to right, cut into segments where the gaps are wide. */
export interface VisualLine {
  segments: Segment[];
  top: number;
  bottom: number;
  baseline: number;
  size: number;
}

// Two runs share a line when their baselines are this close (in font sizes of the larger run)
// and their boxes overlap by half the smaller one's height: superscripts stay on their line,
// the next line of tightly set text does not join it.
const BASELINE_TOLERANCE = 0.4;
// A gap wider than this (in font sizes) and several times the line's own word spacing splits a
// segment: a justified line with 1 em between its words stays whole, a table row's cells do not.
const MIN_SEGMENT_GAP = 1.25;
const SEGMENT_GAP_TO_WORD_GAP = 2.5;
// A space is about a quarter of an em; words pdf.js gives as one item are separated by one.
const SPACE_WIDTH = 0.28;
// A gap narrower than this (in font sizes) joins two runs into one word: letters of a small-caps or
// letter-spaced heading drawn one by one, kerned pieces of a word.
const WORD_GAP = 0.2;
// More segments than this on one line is no table a letter has (a line of scattered glyphs): it is read as one.
const MAX_SEGMENTS = 12;
// Fake bold: the same text again within this fraction of a font size.
const DOUBLED_OFFSET = 0.15;

/** The page's upright runs as visual lines, top to bottom; each rotated run is a line of its own. */
export function visualLines(runs: readonly TextRun[]): VisualLine[] {
  const upright = dropDoubles(runs.filter((r) => r.upright)).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let anchor: TextRun | null = null;
  for (const run of upright) {
    if (anchor && sameLine(anchor, run)) {
      current.push(run);
      // The line is measured from its largest text: a superscript does not move it.
      if (run.size * run.text.length > anchor.size * anchor.text.length) anchor = run;
      continue;
    }
    if (current.length) groups.push(current);
    current = [run];
    anchor = run;
  }
  if (current.length) groups.push(current);
  const lines = groups.map(lineOf);
  for (const run of runs) if (!run.upright) lines.push(lineOf([run]));
  return lines.sort((a, b) => a.top - b.top || a.segments[0].x0 - b.segments[0].x0);
}

function sameLine(anchor: TextRun, run: TextRun): boolean {
  if (Math.abs(run.baseline - anchor.baseline) > BASELINE_TOLERANCE * Math.max(run.size, anchor.size)) return false;
  const overlap = Math.min(anchor.bottom, run.bottom) - Math.max(anchor.top, run.top);
  return overlap >= 0.5 * Math.min(anchor.bottom - anchor.top, run.bottom - run.top);
}

/** Runs drawn twice over themselves are kept once, marked doubled (the runs are this page's own: marked in place). */
function dropDoubles(runs: TextRun[]): TextRun[] {
  const kept: TextRun[] = [];
  for (const run of runs) {
    const near = DOUBLED_OFFSET * run.size;
    let twin: TextRun | null = null;
    for (let k = Math.max(0, kept.length - 3); k < kept.length && !twin; k++) {
      const other = kept[k];
      if (other.text === run.text && other.size === run.size && Math.abs(other.x0 - run.x0) <= near && Math.abs(other.baseline - run.baseline) <= near) twin = other;
    }
    if (twin) twin.doubled = true;
    else kept.push(run);
  }
  return kept;
}

function lineOf(runs: TextRun[]): VisualLine {
  runs.sort((a, b) => a.x0 - b.x0);
  const size = dominant(runs, (r) => r.size);
  const segments = mergeMarkers(splitSegments(runs, size).map(segmentOf));
  return {
    segments,
    top: minOf(segments, (s) => s.top),
    bottom: maxOf(segments, (s) => s.bottom),
    baseline: segments.reduce((best, s) => (s.size > best.size ? s : best), segments[0]).baseline,
    size,
  };
}

/** Cuts a line's runs (left to right) where a gap is both wide in ems and wide for this line's spacing. */
function splitSegments(runs: TextRun[], size: number): TextRun[][] {
  // Most lines are one run (pdf.js gives a line of prose as one item): nothing to cut.
  if (runs.length === 1) return [runs];
  const gaps: number[] = [];
  for (let i = 1; i < runs.length; i++) gaps.push(runs[i].x0 - runs[i - 1].x1);
  // The line's word spacing: gaps between runs that are word gaps, and the spaces inside runs.
  const wordGaps = gaps.filter((g) => g > WORD_GAP * size && g < MIN_SEGMENT_GAP * size);
  for (const run of runs) for (const _ of run.text.trim().matchAll(/\s+/g)) wordGaps.push(SPACE_WIDTH * run.size);
  const wordGap = wordGaps.length ? median(wordGaps) : SPACE_WIDTH * size;
  const cut = Math.max(MIN_SEGMENT_GAP * size, SEGMENT_GAP_TO_WORD_GAP * wordGap);
  const out: TextRun[][] = [[runs[0]]];
  for (let i = 1; i < runs.length; i++) {
    if (gaps[i - 1] > cut) out.push([runs[i]]);
    else out[out.length - 1].push(runs[i]);
  }
  return out.length > MAX_SEGMENTS ? [runs] : out;
}

function segmentOf(runs: TextRun[]): Segment {
  const words: PlacedWord[] = [];
  let previous: TextRun | null = null;
  for (const run of runs) {
    const joins =
      previous !== null &&
      !run.spaceBefore &&
      !/^\s/.test(run.text) &&
      !/\s$/.test(previous.text) &&
      run.x0 - previous.x1 <= WORD_GAP * Math.min(run.size, previous.size);
    const pieces = wordsOfRun(run);
    if (joins && words.length && pieces.length) {
      const [first, ...rest] = pieces;
      const last = words[words.length - 1];
      last.text += first.text;
      last.x1 = Math.max(last.x1, first.x1);
      last.top = Math.min(last.top, first.top);
      last.bottom = Math.max(last.bottom, first.bottom);
      words.push(...rest);
    } else {
      words.push(...pieces);
    }
    previous = run;
  }
  const big = runs.reduce((best, r) => (r.size * r.text.length > best.size * best.text.length ? r : best), runs[0]);
  return {
    words,
    x0: runs[0].x0,
    x1: maxOf(runs, (r) => r.x1),
    top: minOf(runs, (r) => r.top),
    bottom: maxOf(runs, (r) => r.bottom),
    baseline: big.baseline,
    size: dominant(runs, (r) => r.size),
    font: dominant(runs, (r) => r.font),
    doubled: runs.every((r) => r.doubled),
    pieces: runs.length,
  };
}

/**
 * The words of one run, each placed by its share of the run's characters: pdf.js gives a run's
 * width, not each glyph's, and an even share is close enough to outline a quote.
 */
function wordsOfRun(run: TextRun): PlacedWord[] {
  const out: PlacedWord[] = [];
  const text = run.text;
  const perChar = (run.x1 - run.x0) / Math.max(1, text.length);
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const white = i === text.length || /\s/.test(text[i]);
    if (white && start >= 0) {
      const word: PlacedWord = { text: text.slice(start, i), x0: run.x0 + start * perChar, x1: run.x0 + i * perChar, top: run.top, bottom: run.bottom };
      if (run.confidence !== undefined) word.confidence = run.confidence;
      out.push(word);
      start = -1;
    } else if (!white && start < 0) start = i;
  }
  return out;
}

// A segment that is only a separator or a list marker ("|", "·", "•", "1.") belongs with the text after it.
const MARKER_ONLY = /^(?:[^\p{L}\p{N}\s]{1,2}|\(?\d{1,2}[.)]|\(?[a-hA-H][.)])$/u;

function mergeMarkers(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const next = segments[i + 1];
    if (next && s.words.length === 1 && MARKER_ONLY.test(s.words[0].text)) {
      segments[i + 1] = { ...next, words: [...s.words, ...next.words], x0: s.x0, top: Math.min(s.top, next.top), bottom: Math.max(s.bottom, next.bottom), pieces: s.pieces + next.pieces };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The value most characters have. */
function dominant<T>(runs: readonly TextRun[], key: (r: TextRun) => T): T {
  if (runs.length === 1) return key(runs[0]);
  const weight = new Map<T, number>();
  let best = key(runs[0]);
  let bestWeight = -1;
  for (const run of runs) {
    const k = key(run);
    const w = (weight.get(k) ?? 0) + run.text.length;
    weight.set(k, w);
    if (w > bestWeight) {
      best = k;
      bestWeight = w;
    }
  }
  return best;
}

/** The least and greatest of a value over many items, without spreading them into arguments (a page may have tens of thousands). */
export function minOf<T>(items: readonly T[], value: (item: T) => number): number {
  let out = Infinity;
  for (const item of items) out = Math.min(out, value(item));
  return out;
}

export function maxOf<T>(items: readonly T[], value: (item: T) => number): number {
  let out = -Infinity;
  for (const item of items) out = Math.max(out, value(item));
  return out;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
