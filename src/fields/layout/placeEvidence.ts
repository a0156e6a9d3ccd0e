import type { Span } from '../../document/letterDocument.js';
import type { Evidence } from '../../report/index.js';
import type { Letter } from '../letter.js';
import type { FoundEvidence } from '../shared/foundElement.js';
import { layoutOf } from './layoutView.js';

/**
 * Where a detector's evidence is: its span when the detector read it from one, else the place on
 * its page where the quote's words stand (any run of whitespace matching any other). Null when
 * the quote is not on the page.
 */
export function spanOfEvidence(letter: Letter, evidence: FoundEvidence): Span | null {
  if (evidence.span) return evidence.span;
  const text = letter.pages.find((p) => p.number === evidence.page)?.text;
  const quote = evidence.quote.trim();
  if (!text || !quote) return null;
  const at = text.indexOf(quote);
  if (at >= 0) return { page: evidence.page, start: at, end: at + quote.length };
  const words = quote.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A "quote" of thousands of words would make a pattern too large to compile.
  if (words.length > 400) return null;
  const m = new RegExp(words.join('\\s+'), 'u').exec(text);
  return m ? { page: evidence.page, start: m.index, end: m.index + m[0].length } : null;
}

/** The report's evidence: the letter's own text at the evidence's span and its box on the page. */
export function placeEvidence(letter: Letter, evidence: FoundEvidence): Omit<Evidence, 'document'> {
  const span = spanOfEvidence(letter, evidence);
  if (!span) return { page: evidence.page, quote: evidence.quote, box: evidence.box ?? null };
  const placed = layoutOf(letter).quote(span);
  // A picture has no text to place: the detector gives its box.
  return evidence.box !== undefined && span.start === span.end ? { ...placed, box: evidence.box } : placed;
}

/** A detector's evidence for a span it read: the letter's exact text there, and the span. */
export function evidenceAt(letter: Letter, span: Span): FoundEvidence {
  return { page: span.page, quote: layoutOf(letter).quote(span).quote, span };
}
