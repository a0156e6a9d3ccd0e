import { cleanPersonName } from '../shared/names.js';

/**
 * The parts of a letter that are found by their words, not their place: the salutation, the
 * complimentary close, an acceptance section. One definition each, for the layout view (which marks
 * the closing) and for the detectors.
 */

export const SALUTATION = /^(?:Dear|Hi|Hello|Hey|Greetings|Good (?:morning|afternoon|evening)|To whom it may concern)\b/i;

// "Sincerely," "Best regards," "Thanks," "Respectfully yours," and one-line "Sincerely, Jane Smith".
const CLOSING =
  /^(?:(?:very\s+)?(?:sincerely|truly|faithfully|cordially|respectfully)(?:\s+yours)?|yours\s+(?:sincerely|truly|faithfully|respectfully|cordially)|(?:with\s+)?(?:best|kind|kindest|warm|warmest|many|with)?\s*regards|best(?:\s+wishes)?|all\s+the\s+best|warmly|cheers|take\s+care|thanks(?:\s+again)?|thanks\s+(?:&|and)\s+regards|many\s+thanks|thank\s+you(?:\s+again)?|(?:warm|warmest|kind|best)\s+wishes|with\s+(?:appreciation|gratitude|best\s+wishes)|on\s+behalf\s+of\s+(?:the\s+)?\p{Lu}[^,.!?;:]{1,58}(?:,?\s+(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|LLP|P\.?C|GmbH|PBC)\.?)?)\s*[,.!—–-]?\s*(.*)$/iu;

/** Whether a line is a complimentary closing; the text after it, if any, must be a name. */
export function closingOf(text: string): { inlineName: string | null } | null {
  if (text.length > 80) return null;
  const m = CLOSING.exec(text);
  if (!m) return null;
  const rest = m[1].trim();
  if (!rest) return { inlineName: null };
  // "Thank you for your interest." is a sentence, not a closing.
  const name = cleanPersonName(rest.replace(/^\/s\/\s*/i, ''));
  return name ? { inlineName: name } : null;
}

/** The start of an acceptance section: what the student signs, below the employer's closing. */
export const ACCEPTANCE =
  /^(?:accepted|acknowledged|agreed|acceptance|i(?:,\s*[^,]{1,60},)? (?:hereby )?accept|candidate(?:'s)? (?:signature|acceptance)|employee(?:'s)? signature|signature(?: of)?\s*[:_]|intern(?:'s)? signature|student(?:'s)? signature|signed\s*[:_])/i;

/**
 * Where the closing starts among a page's lines: the first complimentary close or acceptance line
 * after the salutation (or anywhere, on a page without one); -1 when there is none.
 */
export function closingLineIndex(lines: readonly string[]): number {
  const salutation = lines.findIndex((t) => SALUTATION.test(t));
  // The letter says something before it closes: the line right under the salutation opens the body
  // ("On behalf of Acme, I am pleased ..." wrapped after "Acme").
  for (let i = salutation >= 0 ? salutation + 2 : 0; i < lines.length; i++) {
    if (closingOf(lines[i]) || ACCEPTANCE.test(lines[i])) return i;
  }
  return -1;
}
