import { describe, expect, it } from 'vitest';
import { occurrenceAround, withinWindow } from '../../../src/rules/shared/yearlyWindow.js';

describe('yearly windows', () => {
  const summer = { start: '05-01', end: '08-31' };
  const winter = { start: '12-15', end: '01-10' };

  it('dates a window in the year of the date', () => {
    expect(occurrenceAround('2027-06-01', summer)).toEqual({ from: '2027-05-01', to: '2027-08-31' });
  });

  it('picks the occurrence of a window across New Year that holds the date', () => {
    expect(occurrenceAround('2027-01-05', winter)).toEqual({ from: '2026-12-15', to: '2027-01-10' });
    expect(occurrenceAround('2026-12-20', winter)).toEqual({ from: '2026-12-15', to: '2027-01-10' });
    expect(occurrenceAround('2026-11-01', winter)).toEqual({ from: '2026-12-15', to: '2027-01-10' });
  });

  it('tells whether a whole span falls inside', () => {
    expect(withinWindow('2027-05-24', '2027-08-06', summer)).toBe(true);
    expect(withinWindow('2027-05-24', '2027-09-06', summer)).toBe(false);
    expect(withinWindow('2026-12-18', '2027-01-08', winter)).toBe(true);
    expect(withinWindow('2026-12-10', '2027-01-08', winter)).toBe(false);
  });
});
