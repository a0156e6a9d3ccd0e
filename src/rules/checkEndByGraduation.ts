import { readElement } from './shared/readElement.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** CPT is part of the study program, so it ends when the program does: the end date may not pass the graduation date the student gave. */
export const checkEndByGraduation: Rule = ({ elements, profile, caller }) => {
  const end = readElement(elements, 'end_date');
  const graduation = caller.graduationDate;
  if (!isIsoDate(graduation)) {
    if (!profile.rules.requireGraduationDate) return [];
    return [
      {
        code: 'GRADUATION_DATE_NOT_GIVEN',
        severity: 'info',
        element: 'end_date',
        message: 'This school requires the end date to be no later than your graduation date. Give your graduation date (graduation_date) so that we can check it.',
      },
    ];
  }
  if (!isIsoDate(end) || end <= graduation) return [];
  const severity = profile.rules.endAfterGraduation;
  return [
    {
      code: 'END_AFTER_GRADUATION',
      severity,
      element: 'end_date',
      message: `The end date (${formatDate(end)}) is after your graduation date (${formatDate(graduation)}). CPT ends when your program ends, so the employer should end the position by ${formatDate(graduation)}.`,
      expected: graduation,
      found: end,
      review: severity === 'warning',
    },
  ];
};
