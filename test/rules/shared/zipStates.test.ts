import { describe, expect, it } from 'vitest';
import { stateCode, stateName, stateOfZip } from '../../../src/rules/shared/zipStates.js';

describe('stateOfZip', () => {
  it('finds the state of a known ZIP, with or without +4', () => {
    expect(stateOfZip('80202')).toEqual({ found: 'zip', state: 'CO' });
    expect(stateOfZip('94105-1804')).toEqual({ found: 'zip', state: 'CA' });
    expect(stateOfZip('02110')).toEqual({ found: 'zip', state: 'MA' });
    expect(stateOfZip('00901')).toEqual({ found: 'zip', state: 'PR' });
  });

  it('falls back on the first three digits for a ZIP missing from the list', () => {
    // 75036 (Frisco, TX) is newer than the bundled list.
    expect(stateOfZip('75036')).toEqual({ found: 'prefix', state: 'TX' });
  });

  it('knows nothing of ZIPs that are not in use', () => {
    expect(stateOfZip('00000')).toEqual({ found: 'none' });
    expect(stateOfZip('ABCDE')).toEqual({ found: 'none' });
    expect(stateOfZip('1234')).toEqual({ found: 'none' });
  });
});

describe('stateCode / stateName', () => {
  it('reads codes and names in any case', () => {
    expect(stateCode('tx')).toBe('TX');
    expect(stateCode('Texas')).toBe('TX');
    expect(stateCode('district of columbia')).toBe('DC');
    expect(stateCode('N.Y.')).toBe('NY');
    expect(stateCode('Ontario')).toBeNull();
  });

  it('names a state for messages', () => {
    expect(stateName('CA')).toBe('California');
    expect(stateName('DC')).toBe('District of Columbia');
  });
});
