import { describe, expect, it } from 'vitest';
import { splitListMarker } from '../../../src/extract/layout/listMarker.js';

describe('splitListMarker', () => {
  it('splits a bullet or a number from the item', () => {
    expect(splitListMarker('• Build dashboards')).toEqual({ marker: '•', text: 'Build dashboards' });
    expect(splitListMarker('- Review calculations')).toEqual({ marker: '-', text: 'Review calculations' });
    expect(splitListMarker('2. Write tests')).toEqual({ marker: '2.', text: 'Write tests' });
    expect(splitListMarker('1.5 hours')).toBeNull();
  });

  it('takes no rule of dashes for a bullet', () => {
    expect(splitListMarker('-----Original Message-----')).toBeNull();
    expect(splitListMarker('---------- Forwarded message ---------')).toBeNull();
    expect(splitListMarker('-- ')).toBeNull();
    expect(splitListMarker('—— end ——')).toBeNull();
  });
});
