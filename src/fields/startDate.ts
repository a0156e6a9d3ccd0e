import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { findEmploymentDates, pickCandidate } from './shared/employmentDates.js';
import { invalid, missing, present, type FoundElement } from './shared/foundElement.js';

const FIX = 'Please state the exact start date of the position (for example "Start date: June 1, 2027").';

/** The first day of the internship or co-op, as the letter states it. */
export function extractStartDate(letter: Letter): FoundElement<'start_date'> {
  return withPlacedEvidence(letter, findStartDate(letter));
}

function findStartDate(letter: Letter): FoundElement<'start_date'> {
  const dates = findEmploymentDates(letter);
  const { best, conflicts } = pickCandidate(dates.start);
  const trace = [...dates.rejected];
  if (!best) {
    const tbd = letter.pages.some((p) => /\bstart(?:ing)?\s+date\b[^.\n]{0,30}\b(?:TBD|TBA|to be (?:determined|announced|confirmed))/i.test(p.text));
    if (tbd) trace.unshift('the letter says the start date is still to be determined');
    return missing<'start_date'>(tbd ? 'The letter says the start date is to be determined; please state the exact start date.' : FIX, ['no start date found', ...trace]);
  }
  const evidence = [{ page: best.page, quote: best.quote }];
  if (best.iso === null) {
    const why = best.mention.day === null ? `gives only the month ("${best.mention.text}")` : `gives no year ("${best.mention.text}")`;
    return invalid<'start_date'>(null, evidence, `The letter ${why} for the start; please state the exact start date (month, day and year).`, [`start ${why}`, ...trace]);
  }
  const head = `start ${best.iso} from ${best.note}`;
  const conflictNotes = conflicts.map((c) => `another start reading ${c.iso} (${c.note}) set aside`);
  const confidence = conflicts.length ? Math.max(0.5, best.confidence - 0.25) : best.confidence;
  return present<'start_date'>(best.iso, evidence, confidence, [head, ...conflictNotes, ...trace]);
}
