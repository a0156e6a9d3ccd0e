import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/** Offices that do not accept remote work (or hybrid work either): the position must be at the employer's site. */
export const checkRemoteWork: Rule = ({ elements, profile }) => {
  const policy = profile.rules.remoteWork;
  const site = readElement(elements, 'work_location');
  if (policy === 'accept' || !site) return [];
  if (site.mode === 'onsite' || (site.mode === 'hybrid' && policy === 'no-remote')) return [];
  const refused = site.mode === 'remote' ? 'remote work' : 'hybrid work (partly remote)';
  return [
    {
      code: 'REMOTE_WORK_NOT_ACCEPTED',
      severity: 'error',
      element: 'work_location',
      message: `The letter describes ${refused}. This office does not accept ${policy === 'onsite-only' ? 'remote or hybrid work' : 'fully remote work'} for CPT; the position must be at the employer's work site.`,
      invalidates: { fix: 'Please state the address where the student will work on site (this office does not accept remote work).' },
    },
  ];
};
