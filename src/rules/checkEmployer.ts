import { readElement } from './shared/readElement.js';
import { matchEmployerName } from './matchEmployerName.js';
import type { Rule } from './ruleContext.js';

/** The employer on the letter should be the one the student named ("Acme Robotics" is "ACME Robotics, Inc."). */
export const checkEmployer: Rule = ({ elements, caller }) => {
  const expected = caller.employer?.trim();
  if (!expected) return [];
  const found = readElement(elements, 'employer_name') ?? readElement(elements, 'letterhead')?.organization ?? null;
  if (!found || matchEmployerName(expected, found)) return [];
  return [
    {
      code: 'EMPLOYER_MISMATCH',
      severity: 'warning',
      element: 'employer_name',
      message: `The letter is from ${found}, but you named the employer as ${expected}. If they are the same company under another name, an advisor will confirm it; otherwise check that this is the right letter.`,
      expected,
      found,
      review: true,
    },
  ];
};
