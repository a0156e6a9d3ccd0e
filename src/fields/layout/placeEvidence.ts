import type { Span } from '../../document/letterDocument.js';
import type { Evidence } from '../../report/index.js';
import type { Letter } from '../letter.js';
import type { FoundEvidence } from '../shared/foundElement.js';
import { layoutOf } from './layoutView.js';

/**
 * Where a detector's evidence is: the span it read the evidence from; for evidence quoted from a
 * line as it stands (an envelope header, a whole line), the line's place on its page. Null when the
 * quote is not on the page as written.
 */
export function spanOfEvidence(letter: Letter, evidence: FoundEvidence): Span | null {
  if (evidence.span) return evidence.span;
  const text = letter.pages.find((p) => p.number === evidence.page)?.text;
  const quote = evidence.quote.trim();
  const at = text && quote ? text.indexOf(quote) : -1;
  return at >= 0 ? { page: evidence.page, start: at, end: at + quote.length } : null;
}

/** A detector's evidence placed on its page: its span, the letter's words there and their box. */
export function placedEvidence(letter: Letter, evidence: FoundEvidence): FoundEvidence {
  const span = spanOfEvidence(letter, evidence);
  if (!span) return { ...evidence, box: evidence.box ?? null };
  const placed = layoutOf(letter).quote(span);
  // A picture has no text to place: the detector gives its box.
  const box = evidence.box !== undefined && span.start === span.end ? evidence.box : placed.box;
  return { page: placed.page, quote: placed.quote, span, box };
}

/** The report's evidence: the letter's own text at the evidence's span and its box on the page. */
export function placeEvidence(letter: Letter, evidence: FoundEvidence): Omit<Evidence, 'document'> {
  const { page, quote, box } = placedEvidence(letter, evidence);
  return { page, quote, box: box ?? null };
}

// A sentence this long has run through headings (a letterhead with no full stop): quote the line instead.
const LONG_QUOTE = 160;

/**
 * Evidence for a term read in a sentence: the sentence, or, when the sentence is too long to quote,
 * the line (or two wrapped lines) that hold the term.
 */
export function evidenceIn(letter: Letter, span: Span, focus: string): FoundEvidence {
  const view = layoutOf(letter);
  const text = view.textAt(span);
  const at = text.toLowerCase().indexOf(focus.replace(/\s+/g, ' ').toLowerCase());
  if (text.length <= LONG_QUOTE || at < 0) return evidenceAt(letter, span);
  const first = view.lineAt(span.page, span.start + at);
  const last = view.lineAt(span.page, span.start + at + focus.length);
  if (!first || !last) return evidenceAt(letter, span);
  return evidenceAt(letter, { page: span.page, start: Math.max(span.start, first.span.start), end: Math.min(span.end, last.span.end) });
}

/** A detector's evidence for a span it read: the letter's exact text there, and the span. */
export function evidenceAt(letter: Letter, span: Span): FoundEvidence {
  return { page: span.page, quote: layoutOf(letter).quote(span).quote, span };
}

/** A detector's element with every evidence item placed on its page: its span, the letter's words there, and their box. */
export function withPlacedEvidence<T extends { evidence: FoundEvidence[] }>(letter: Letter, found: T): T {
  return { ...found, evidence: found.evidence.map((e) => placedEvidence(letter, e)) };
}
