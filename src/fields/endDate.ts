import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { endFromDuration, findEmploymentDates, pickCandidate } from './shared/employmentDates.js';
import { invalid, missing, present, type FoundElement } from './shared/foundElement.js';

const FIX = 'Please state the exact end date of the position (for example "End date: August 20, 2027").';

/** The last day of the internship or co-op, as the letter states it. A duration alone is not an end date. */
export function extractEndDate(letter: Letter): FoundElement<'end_date'> {
  return withPlacedEvidence(letter, findEndDate(letter));
}

function findEndDate(letter: Letter): FoundElement<'end_date'> {
  const dates = findEmploymentDates(letter);
  const { best, conflicts } = pickCandidate(dates.end);
  const trace = [...dates.rejected];
  if (!best) {
    const d = dates.duration;
    if (d) {
      const span = d.weeks !== null ? `${d.weeks} weeks` : `${d.months} months`;
      const start = pickCandidate(dates.start).best?.iso ?? null;
      const derived = start
        ? `the letter gives a duration ("${d.quote}"): ${span} from ${start} would end about ${endFromDuration(start, d)}, but no end date is written, so none is reported`
        : `the letter gives a duration ("${d.quote}") but no end date`;
      return missing<'end_date'>(`The letter gives only a duration (${span}); please state the exact end date.`, [derived, ...trace]);
    }
    return missing<'end_date'>(FIX, ['no end date found', ...trace]);
  }
  const evidence = [{ page: best.page, quote: best.quote }];
  if (best.iso === null) {
    const why = best.mention.day === null ? `gives only the month ("${best.mention.text}")` : `gives no year ("${best.mention.text}")`;
    return invalid<'end_date'>(null, evidence, `The letter ${why} for the end; please state the exact end date (month, day and year).`, [`end ${why}`, ...trace]);
  }
  const head = `end ${best.iso} from ${best.note}`;
  const conflictNotes = conflicts.map((c) => `another end reading ${c.iso} (${c.note}) set aside`);
  const confidence = conflicts.length ? Math.max(0.5, best.confidence - 0.25) : best.confidence;
  return present<'end_date'>(best.iso, evidence, confidence, [head, ...conflictNotes, ...trace]);
}
