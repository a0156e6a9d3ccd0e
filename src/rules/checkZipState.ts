import { readElement } from './shared/readElement.js';
import { stateCode, stateName, stateOfZip } from './shared/zipStates.js';
import type { Rule } from './ruleContext.js';

/** The ZIP code must belong to the state the address names: one of the two is wrong, and the office cannot tell which. */
export const checkZipState: Rule = ({ elements }) => {
  const site = readElement(elements, 'work_location');
  if (!site?.zip) return [];
  const zip = site.zip.trim();
  const lookup = stateOfZip(zip);
  const stated = site.state ? stateCode(site.state) : null;
  if (lookup.found === 'none') {
    return [
      {
        code: 'ZIP_UNKNOWN',
        severity: 'warning',
        element: 'work_location',
        message: `The ZIP code ${zip} is not a US ZIP code we know. Check the work address with the employer.`,
        review: true,
      },
    ];
  }
  if (stated && stated !== lookup.state) {
    const basis = lookup.found === 'zip' ? `ZIP code ${zip} is in ${stateName(lookup.state)}` : `ZIP codes starting ${zip.slice(0, 3)} are in ${stateName(lookup.state)}`;
    return [
      {
        code: 'ZIP_STATE_MISMATCH',
        severity: 'error',
        element: 'work_location',
        message: `The work address gives the state as ${stateName(stated)}, but ${basis}. Ask the employer to correct the address.`,
      },
    ];
  }
  if (lookup.found === 'prefix') {
    // Missing from the bundled list but in the right area: most likely a newer ZIP, so no advisor is needed for it.
    return [
      {
        code: 'ZIP_UNKNOWN',
        severity: 'warning',
        element: 'work_location',
        message: `The ZIP code ${zip} is not in our list of US ZIP codes; it may be new. Its first digits fit ${stateName(lookup.state)}, but check that the address is right.`,
      },
    ];
  }
  return [];
};
