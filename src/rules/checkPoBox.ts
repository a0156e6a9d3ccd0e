import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/** "PO Box 12", "P.O. Box", "Post Office Box", "POB 12", "Postal Box". */
const PO_BOX = /\b(?:p\.?\s*o\.?\s*box\b|p\.\s*o\.\s*b\.|pob\b|post(?:al)?\s+(?:office\s+)?box\b)(?:\s*#?\s*\d+)?/i;

/** A PO Box receives mail; nobody works in one. The office needs the street address where the student will work. */
export const checkPoBox: Rule = ({ elements }) => {
  const site = readElement(elements, 'work_location');
  if (!site || site.mode === 'remote') return [];
  const text = [site.street, site.city].filter(Boolean).join(', ');
  const box = PO_BOX.exec(text);
  if (!box) return [];
  return [
    {
      code: 'WORK_ADDRESS_PO_BOX',
      severity: 'error',
      element: 'work_location',
      message: `The work address is a PO Box ("${box[0].trim()}"). A PO Box is only a mailing address, not a place where you work, so the office cannot accept it. Ask the employer for the street address where you will work.`,
      invalidates: {
        fix: 'Please give the street address where the student will work (a PO Box is a mailing address, not a work site).',
      },
    },
  ];
};
