import { describe, expect, it } from 'vitest';
import { cleanPersonName, readNameAt, sameOrPartOf } from '../../../src/fields/shared/names.js';

describe('readNameAt', () => {
  it.each([
    ['José A. Núñez, the position', 'José A. Núñez', null],
    ['Ms. Raman,', 'Raman', 'Ms.'],
    ['Prof. Dr. Klaus Weber', 'Klaus Weber', 'Prof. Dr.'],
    ['Anna van der Berg and', 'Anna van der Berg', null],
    ["Seán O'Brien-Kelly.", "Seán O'Brien-Kelly", null],
    ['Fatima Al-Sayed!', 'Fatima Al-Sayed', null],
    ['Nguyen Van An', 'Nguyen Van An', null],
    ['Martin Luther King Jr. will', 'Martin Luther King Jr', null],
  ])('%s', (text, name, honorific) => {
    const r = readNameAt(text);
    expect(r?.name).toBe(name);
    expect(r?.honorific ?? null).toBe(honorific);
  });

  it('does not read sentence starters, titles or initials alone as names', () => {
    expect(readNameAt('The Team')).toBeNull();
    expect(readNameAt('Hiring Manager')).toBeNull();
    expect(readNameAt('A. B.')).toBeNull();
  });
});

describe('cleanPersonName', () => {
  it('drops credentials and refuses anything else on the line', () => {
    expect(cleanPersonName('Jane Smith, PhD, SPHR')).toBe('Jane Smith');
    expect(cleanPersonName('Jane Smith will')).toBeNull();
    expect(cleanPersonName('Managing Partner')).toBeNull();
    expect(cleanPersonName('Priya', { minWords: 2 })).toBeNull();
  });
});

describe('sameOrPartOf', () => {
  it('matches a part of a name to the full name, across accents', () => {
    expect(sameOrPartOf('Ms. Nunez', 'José A. Núñez')).toBe(true);
    expect(sameOrPartOf('Priya', 'Priya Raman')).toBe(true);
    expect(sameOrPartOf('Priya Shah', 'Priya Raman')).toBe(false);
  });
});
