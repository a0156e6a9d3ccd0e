import { describe, expect, it } from 'vitest';
import { checkZipState } from '../../src/rules/checkZipState.js';
import { contextOf, withValue } from './letterFacts.js';

const site = (state: string | null, zip: string | null) => withValue('work_location', { mode: 'onsite', street: '1 Main Street', city: 'Somewhere', state, zip });

describe('checkZipState', () => {
  it.each([
    ['CO', '80202'],
    ['CA', '94105-1804'],
    ['Texas', '78701'],
    ['MA', '02110'],
  ])('accepts %s %s', (state, zip) => {
    expect(checkZipState(contextOf({ elements: site(state, zip) }))).toEqual([]);
  });

  it('is an error when the ZIP is in another state, naming both', () => {
    const findings = checkZipState(contextOf({ elements: site('TX', '94105') }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'ZIP_STATE_MISMATCH', severity: 'error', element: 'work_location' });
    expect(findings[0].message).toContain('Texas');
    expect(findings[0].message).toContain('California');
  });

  it('judges a ZIP missing from the list by its first three digits', () => {
    const mismatch = checkZipState(contextOf({ elements: site('OK', '75036') }));
    expect(mismatch[0]).toMatchObject({ code: 'ZIP_STATE_MISMATCH' });
    expect(mismatch[0].message).toContain('starting 750');
    const fits = checkZipState(contextOf({ elements: site('TX', '75036') }));
    expect(fits).toEqual([expect.objectContaining({ code: 'ZIP_UNKNOWN', severity: 'warning' })]);
    expect(fits[0].review).toBeUndefined();
  });

  it('warns, for an advisor, about a ZIP that does not exist', () => {
    expect(checkZipState(contextOf({ elements: site('CO', '00000') }))).toEqual([
      expect.objectContaining({ code: 'ZIP_UNKNOWN', severity: 'warning', review: true }),
    ]);
  });

  it('says nothing without a ZIP', () => {
    expect(checkZipState(contextOf({ elements: site('CO', null) }))).toEqual([]);
  });
});
