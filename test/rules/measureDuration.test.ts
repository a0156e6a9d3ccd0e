import { describe, expect, it } from 'vitest';
import { measureDuration } from '../../src/rules/measureDuration.js';

describe('measureDuration', () => {
  it('counts both days, in weeks and calendar months', () => {
    expect(measureDuration('2027-05-01', '2027-08-31')).toEqual({ weeks: 17.6, months: 4 });
    expect(measureDuration('2027-01-06', '2027-01-31')).toEqual({ weeks: 3.7, months: 0.8 });
  });

  it('is null when a date is unknown or the dates are out of order', () => {
    expect(measureDuration(null, '2027-08-31')).toBeNull();
    expect(measureDuration('2027-08-31', '2027-05-01')).toBeNull();
  });
});
