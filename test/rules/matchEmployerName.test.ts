import { describe, expect, it } from 'vitest';
import { employerWords, matchEmployerName } from '../../src/rules/matchEmployerName.js';

describe('matchEmployerName', () => {
  it.each([
    ['Acme Robotics', 'ACME Robotics, Inc.'],
    ['Acme Robotics Inc', 'Acme Robotics LLC'],
    ['Acme Robotics', 'Acme Robotics Corp.'],
    ['Acme', 'Acme Robotics, L.L.C.'],
    ['Northwind & Sons', 'Northwind and Sons Co.'],
    ['The Home Depot', 'Home Depot, Inc.'],
    ['IBM', 'International Business Machines Corporation'],
    ['Contoso Labs', 'Contoso Ltd. d/b/a Contoso Labs'],
    ['Café Müller GmbH', 'Cafe Muller'],
    ['Blue-Sky Analytics', 'BlueSky Analytics, Inc.'],
    ["Trader Joe's", 'Trader Joes'],
  ])('%s is %s', (expected, found) => {
    expect(matchEmployerName(expected, found)).toBe(true);
  });

  it.each([
    ['Acme Robotics', 'Globex Corporation'],
    ['Initech', 'Initrode LLC'],
    ['Acme Robotics', 'Robotics Acme Holdings'],
    ['Umbrella Health', 'Umbrella Insurance'],
  ])('%s is not %s', (expected, found) => {
    expect(matchEmployerName(expected, found)).toBe(false);
  });
});

describe('employerWords', () => {
  it('drops legal forms at either end but keeps words in the middle', () => {
    expect(employerWords('The Container Company of Ohio, Inc.')).toEqual(['container', 'company', 'of', 'ohio']);
  });

  it('keeps a name made only of legal-form words rather than emptying it', () => {
    expect(employerWords('The Company')).toEqual(['the', 'company']);
  });
});
