import { describe, expect, it } from 'vitest';
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
    const found = findElements(letterFromText(text));
    for (const name of ELEMENT_NAMES) {
      const parsed = ElementSchemas[name].safeParse({ ...found[name], required: false });
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
