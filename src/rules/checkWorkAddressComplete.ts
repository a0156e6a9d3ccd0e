import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/** An on-site or hybrid position needs the full work address (street, city, state, ZIP): the office enters it in the student's record. */
export const checkWorkAddressComplete: Rule = ({ elements }) => {
  // An address the detector already rejected carries its own request to the employer; saying it twice helps nobody.
  if (elements.work_location.status === 'invalid') return [];
  const site = readElement(elements, 'work_location');
  if (!site || site.mode === 'remote') return [];
  const lacking = [
    site.street ? null : 'the street',
    site.city ? null : 'the city',
    site.state ? null : 'the state',
    site.zip ? null : 'the ZIP code',
  ].filter((part): part is string => part !== null);
  if (lacking.length === 0) return [];
  const list = lacking.length === 1 ? lacking[0] : `${lacking.slice(0, -1).join(', ')} and ${lacking[lacking.length - 1]}`;
  return [
    {
      code: 'WORK_ADDRESS_INCOMPLETE',
      severity: 'warning',
      element: 'work_location',
      message: `The work address lacks ${list}. The office needs the full address where you will work; ask the employer to add it.`,
      review: true,
    },
  ];
};
