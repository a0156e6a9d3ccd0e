import { nameOfDocument } from '../case/mergeCase.js';
import type { Rule } from './ruleContext.js';

const WHAT: Record<string, string> = {
  start_date: 'start date',
  end_date: 'end date',
  hours_per_week: 'hours per week',
  compensation: 'pay',
  work_location: 'work location',
};

/**
 * Two documents of a case that state different values for one fact (two start dates, two pay
 * rates): the later one may correct the letter or be a mistake, and only an advisor can tell, so
 * the case needs review. The finding quotes each document's words; the element keeps the letter's
 * value and quotes them all.
 */
export const checkDocumentsAgree: Rule = ({ merge }) =>
  merge.disagreements.map((d) => {
    const said = d.readings.map((r) => {
      const quote = r.evidence.find((e) => e.quote.trim())?.quote.trim();
      const page = r.evidence[0]?.page;
      return `${nameOfDocument(r.document)}${page ? `, page ${page}` : ''}${quote ? `, says "${quote}"` : ''}`;
    });
    return {
      code: 'DOCUMENTS_DISAGREE' as const,
      severity: 'warning' as const,
      element: d.element,
      message: `The documents give different ${WHAT[d.element] ?? d.element.replace(/_/g, ' ')}s: ${said.join('; ')}. An advisor has to confirm which is right, or ask the employer for one letter that states it.`,
      review: true,
    };
  });
