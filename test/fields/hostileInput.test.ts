import { describe, expect, it } from 'vitest';
import { mergeCase } from '../../src/case/mergeCase.js';
import { findElements } from '../../src/fields/findElements.js';
import { letterFromText } from '../../src/fields/letter.js';
import { ElementSchemas, ELEMENT_NAMES } from '../../src/report/index.js';

// Every detector, on text no letter has: whatever it finds must still be a valid element of the report.
describe('every element detector on hostile input', () => {
  it.each([
    '',
    '\u200b\u00a0 💼 \r\n\r\n',
    'February 30, 2027 - 13/45/2027 through 2027-02-29; Start Date: 0000',
    '$' + '9'.repeat(400) + ' per hour; 99.99 hours per week; Suite 400, Boston, MA 99999-9999',
    'Dear Jane,\n' + 'Location: | Start | End | Hours: | $ | , '.repeat(200),
  ])('returns elements the report schema accepts (%#)', (text) => {
    // As the checker reports them: each quote naming the document it comes from.
    const found = mergeCase([{ document: { index: 0, fileName: null }, elements: findElements(letterFromText(text)), freeMailFollowUp: false }]).elements;
    for (const name of ELEMENT_NAMES) {
      const parsed = ElementSchemas[name].safeParse({ ...found[name], required: false });
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
