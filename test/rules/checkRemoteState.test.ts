import { describe, expect, it } from 'vitest';
import { checkRemoteState } from '../../src/rules/checkRemoteState.js';
import { contextOf, withValue } from './letterFacts.js';

describe('checkRemoteState', () => {
  it('passes a remote letter that names the state', () => {
    expect(checkRemoteState(contextOf({ elements: withValue('work_location', { mode: 'remote', street: null, city: null, state: 'WA', zip: null }) }))).toEqual([]);
  });

  it('notes a remote letter with no state, for an advisor', () => {
    const findings = checkRemoteState(contextOf({ elements: withValue('work_location', { mode: 'remote', street: null, city: null, state: null, zip: null }) }));
    expect(findings).toEqual([expect.objectContaining({ code: 'REMOTE_NO_STATE', severity: 'info', element: 'work_location', review: true })]);
  });

  it('ignores on-site positions', () => {
    expect(checkRemoteState(contextOf())).toEqual([]);
  });
});
