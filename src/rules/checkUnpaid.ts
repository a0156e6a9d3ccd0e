import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/**
 * An explicit "unpaid" states the compensation, so the element is present, but it is never
 * simply fine: for CPT an advisor checks the position meets the rules for unpaid internships;
 * a co-op must be paid, so there it is an error.
 */
export const checkUnpaid: Rule = ({ elements, profile }) => {
  const pay = readElement(elements, 'compensation');
  if (!pay || !(pay.per === 'unpaid' || pay.amount === 0)) return [];
  const severity = profile.rules.unpaid;
  return [
    {
      code: 'PAY_UNPAID',
      severity,
      element: 'compensation',
      message:
        severity === 'error'
          ? `The letter says the position is unpaid. The ${profile.name} rules require a paid position, at least the minimum wage.`
          : 'The letter says the position is unpaid. Unpaid positions can qualify for CPT, but an advisor has to confirm that this one does.',
      review: severity === 'warning',
    },
  ];
};
