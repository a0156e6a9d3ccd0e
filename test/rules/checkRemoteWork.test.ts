import { describe, expect, it } from 'vitest';
import { checkRemoteWork } from '../../src/rules/checkRemoteWork.js';
import { judgeLetter } from '../../src/rules/judgeLetter.js';
import { contextOf, profileWith, withValue } from './letterFacts.js';

const remote = withValue('work_location', { mode: 'remote', street: null, city: null, state: 'CO', zip: null });
const hybrid = withValue('work_location', { mode: 'hybrid', street: '1700 Lincoln Street', city: 'Denver', state: 'CO', zip: '80202' });
const noRemote = profileWith({ rules: { remoteWork: 'no-remote' } });
const onsiteOnly = profileWith({ rules: { remoteWork: 'onsite-only' } });

describe('checkRemoteWork', () => {
  it('accepts remote work unless the profile says otherwise', () => {
    expect(checkRemoteWork(contextOf({ elements: remote }))).toEqual([]);
  });

  it('passes an on-site position everywhere', () => {
    expect(checkRemoteWork(contextOf({ profile: onsiteOnly }))).toEqual([]);
  });

  it('refuses a remote position where remote work is not accepted, and marks the work site invalid', () => {
    const findings = checkRemoteWork(contextOf({ profile: noRemote, elements: remote }));
    expect(findings).toEqual([expect.objectContaining({ code: 'REMOTE_WORK_NOT_ACCEPTED', severity: 'error', element: 'work_location' })]);
    const judgement = judgeLetter(contextOf({ profile: noRemote, elements: remote }));
    expect(judgement.verdict).toBe('incomplete');
    expect(judgement.elements.work_location.status).toBe('invalid');
  });

  it('takes hybrid work where only fully remote work is refused, but not where on site only is accepted', () => {
    expect(checkRemoteWork(contextOf({ profile: noRemote, elements: hybrid }))).toEqual([]);
    expect(checkRemoteWork(contextOf({ profile: onsiteOnly, elements: hybrid }))).toEqual([expect.objectContaining({ code: 'REMOTE_WORK_NOT_ACCEPTED' })]);
  });
});
