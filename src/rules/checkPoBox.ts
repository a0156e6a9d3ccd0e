import { findPoBox } from '../fields/shared/poBox.js';
import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';


/** A PO Box receives mail; nobody works in one. The office needs the street address where the student will work. */
export const checkPoBox: Rule = ({ elements }) => {
  const site = readElement(elements, 'work_location');
  if (!site || site.mode === 'remote') return [];
  const text = [site.street, site.city].filter(Boolean).join(', ');
  const box = findPoBox(text);
  if (!box) return [];
  return [
    {
      code: 'WORK_ADDRESS_PO_BOX',
      severity: 'error',
      element: 'work_location',
      message: `The work address is a PO Box ("${box}"). A PO Box is only a mailing address, not a place where you work, so the office cannot accept it. Ask the employer for the street address where you will work.`,
      invalidates: {
        fix: 'Please give the street address where the student will work (a PO Box is a mailing address, not a work site).',
      },
    },
  ];
};
