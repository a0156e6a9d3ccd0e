import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { locateLetterDate } from './shared/datesOfLetter.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';

const HOW = {
  top: 'dateline above the salutation',
  topLoose: 'first date above the salutation, on a line shared with other text',
  quotedHeader: 'Date/Sent line of the quoted email',
  emailHeader: "the email's Date header",
} as const;

/** The date the letter was written: its dateline, or for an email its Date header. */
export function extractLetterDate(letter: Letter): FoundElement<'letter_date'> {
  return withPlacedEvidence(letter, findLetterDate(letter));
}

function findLetterDate(letter: Letter): FoundElement<'letter_date'> {
  const found = locateLetterDate(letter);
  if (!found) return missing<'letter_date'>('Please date the letter (the date it is issued, at the top).', ['no dateline above the salutation and no email Date header']);
  const confidence = found.how === 'top' ? 0.95 : found.how === 'topLoose' ? 0.75 : 0.85;
  return present<'letter_date'>(found.iso, [{ page: found.page, quote: found.quote }], confidence, [`${found.iso} from the ${HOW[found.how]}`]);
}
