import { readElement } from './shared/readElement.js';
import { NO_COMMON_WORD, matchPersonName } from './matchPersonName.js';
import type { Rule } from './ruleContext.js';

/**
 * The letter must be addressed to the student who asks. Another person's name is an error (the
 * letter is someone else's offer); the same person spelled differently, or named only in part,
 * is a warning: the office compares the letter with the passport and may send it back.
 */
export const checkAddressee: Rule = ({ elements, caller }) => {
  const expected = caller.studentName?.trim();
  const found = readElement(elements, 'student_name');
  if (!expected || !found) return [];
  const comparison = matchPersonName(expected, found);
  if (comparison.verdict === 'same') return [];
  if (comparison.verdict === 'different') {
    return [
      {
        code: 'ADDRESSEE_MISMATCH',
        severity: 'error',
        element: 'student_name',
        message: `The letter is addressed to ${found}, not to ${expected}${
          comparison.explanation === NO_COMMON_WORD ? '' : ` (${comparison.explanation})`
        }. An offer letter for CPT must be addressed to you; ask the employer for a letter in your name.`,
        expected,
        found,
      },
    ];
  }
  return [
    {
      code: 'STUDENT_NAME_MISMATCH',
      severity: 'warning',
      element: 'student_name',
      message: `The name on the letter, ${found}, does not quite match the name you gave, ${expected}: ${comparison.explanation}. The office compares it with your passport; ask the employer to correct it if it is wrong.`,
      expected,
      found,
      review: true,
    },
  ];
};
