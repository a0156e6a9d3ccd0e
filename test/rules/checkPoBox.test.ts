import { describe, expect, it } from 'vitest';
import { checkPoBox } from '../../src/rules/checkPoBox.js';
import { contextOf, withValue } from './letterFacts.js';

const site = (street: string) => withValue('work_location', { mode: 'onsite', street, city: 'Denver', state: 'CO', zip: '80202' });

describe('checkPoBox', () => {
  it.each(['1700 Lincoln Street', '12 Pobeda Avenue', '400 Boxwood Lane', '9 Post Road'])('accepts the street address %s', (street) => {
    expect(checkPoBox(contextOf({ elements: site(street) }))).toEqual([]);
  });

  it.each(['PO Box 4471', 'P.O. Box 4471', 'P O Box 12', 'Post Office Box 9', 'POB 77', 'p.o.b. 5', 'Postal Box 3'])(
    'rejects %s as a work site, marking the element invalid and saying why',
    (street) => {
      const findings = checkPoBox(contextOf({ elements: site(street) }));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ code: 'WORK_ADDRESS_PO_BOX', severity: 'error', element: 'work_location' });
      expect(findings[0].message).toContain('only a mailing address');
      expect(findings[0].invalidates?.fix).toContain('street address');
    },
  );

  it('ignores remote positions', () => {
    expect(checkPoBox(contextOf({ elements: withValue('work_location', { mode: 'remote', street: null, city: null, state: 'CO', zip: null }) }))).toEqual([]);
  });
});
