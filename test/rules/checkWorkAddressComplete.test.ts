import { describe, expect, it } from 'vitest';
import { checkWorkAddressComplete } from '../../src/rules/checkWorkAddressComplete.js';
import { contextOf, invalidElement, withElements, withValue } from './letterFacts.js';

describe('checkWorkAddressComplete', () => {
  it('passes a full address', () => {
    expect(checkWorkAddressComplete(contextOf())).toEqual([]);
  });

  it('names the parts a hybrid address lacks', () => {
    const findings = checkWorkAddressComplete(contextOf({ elements: withValue('work_location', { mode: 'hybrid', street: null, city: 'Austin', state: 'TX', zip: null }) }));
    expect(findings).toEqual([expect.objectContaining({ code: 'WORK_ADDRESS_INCOMPLETE', severity: 'warning', review: true })]);
    expect(findings[0].message).toContain('the street and the ZIP code');
  });

  it('does not ask a remote position for an address', () => {
    expect(checkWorkAddressComplete(contextOf({ elements: withValue('work_location', { mode: 'remote', street: null, city: null, state: null, zip: null }) }))).toEqual([]);
  });
});

describe('checkWorkAddressComplete on a rejected address', () => {
  it('leaves an address the detector already marked invalid to its own request', () => {
    const elements = withElements({ work_location: invalidElement<'work_location'>({ mode: 'onsite', street: null, city: 'Austin', state: 'TX', zip: '78701' }) });
    expect(checkWorkAddressComplete(contextOf({ elements }))).toEqual([]);
  });
});
