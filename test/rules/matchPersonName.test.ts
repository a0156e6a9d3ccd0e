import { describe, expect, it } from 'vitest';
import { matchPersonName, nameTokens } from '../../src/rules/matchPersonName.js';

describe('matchPersonName', () => {
  it.each([
    ['Jose Nunez', 'Núñez, José A.'],
    ['An Nguyen', 'Nguyen Van An'],
    ['Nguyen Van An', 'An Nguyen'],
    ['JOSE NUNEZ', 'jose nunez'],
    ['Li Wei', 'Wei Li'],
    ['Ms. Priya Raman', 'Priya Raman'],
    ['Priya Raman', 'Dr. Priya Raman, PhD'],
    ["Siobhán O'Brien", 'Siobhan OBrien'],
    ['Siobhan O’Brien', "Siobhán O'Brien"],
    ['Jean-Luc Picard', 'Jeanluc Picard'],
    ['Jean Luc Picard', 'Jean-Luc Picard'],
    ['Ana de Souza', 'Ana Desouza'],
    ['Zhang Xiao Ming', 'Xiaoming Zhang'],
    ['Ólafur Ragnar Grímsson', 'Olafur Grimsson'],
    ['Dr. Jürgen Weiß Jr.', 'Jurgen Weiss'],
    ['Søren Kierkegaard', 'Soren Kierkegaard'],
    ['María José García López', 'Maria Garcia'],
    ['Maria Garcia', 'María José García López'],
    ['Jose Nunez', 'J. Nunez'],
    ['Jose Antonio Nunez', 'Jose A. Nunez'],
    ['Jose A. Nunez', 'Jose Nunez'],
    ['Kim, Min-jun', 'Minjun Kim'],
    ['Aarav Sharma', 'Sharma Aarav'],
    ['Jose Nunez', 'Jose (Pepe) Nunez'],
  ])('%s is the same person as %s', (expected, found) => {
    expect(matchPersonName(expected, found)).toEqual({ verdict: 'same', explanation: 'the names match' });
  });

  it.each([
    ['Jose Nunez', 'Maria Nunez'],
    ['Jose Nunez', 'Jose Martinez'],
    ['Van Nguyen', 'Anh Nguyen'],
    ['Ana Lima', 'Ava Lima'],
    ['Priya Raman', 'Chen Wu'],
    ['Jose Nunez', 'Maria Jose Fernandez'],
  ])('%s is not %s', (expected, found) => {
    expect(matchPersonName(expected, found).verdict).toBe('different');
  });

  it('says when two names have no word in common', () => {
    expect(matchPersonName('Lucía Fernández', 'Jae-won Lim')).toEqual({ verdict: 'different', explanation: 'the names have no word in common' });
  });

  it('names the word the letter has that the caller did not give', () => {
    expect(matchPersonName('Jose Nunez', 'Maria Nunez').explanation).toContain('"Maria"');
  });

  it('treats a one-letter slip in a long word as a spelling difference, not another person', () => {
    const result = matchPersonName('Jose Nunez', 'Jose Nunes');
    expect(result.verdict).toBe('similar');
    expect(result.explanation).toBe('the letter spells "Nunez" as "Nunes"');
  });

  it('treats transliterations two letters apart in a long name as a spelling difference', () => {
    expect(matchPersonName('Mohammed Al-Rashid', 'Muhammad Al Rashid').verdict).toBe('similar');
  });

  it('accepts swapped neighbouring letters as one slip', () => {
    expect(matchPersonName('Priya Raman', 'Priya Rmaan').verdict).toBe('similar');
  });

  it('flags a letter that gives only the first name', () => {
    const result = matchPersonName('Jose Nunez', 'Jose');
    expect(result.verdict).toBe('similar');
    expect(result.explanation).toContain('only "Jose"');
  });

  it('flags a middle initial that fits no middle name', () => {
    expect(matchPersonName('Jose Antonio Nunez', 'Jose B. Nunez').verdict).toBe('similar');
    expect(matchPersonName('Jose A. Nunez', 'Jose B. Nunez').verdict).toBe('similar');
  });

  it('flags a letter with initials only', () => {
    expect(matchPersonName('Jose Nunez', 'J. N.').verdict).toBe('similar');
  });

  it('never calls an empty name a match', () => {
    expect(matchPersonName('Jose Nunez', '  ').verdict).toBe('different');
    expect(matchPersonName('Mr.', 'Jose Nunez').verdict).toBe('different');
  });

  it('accepts one-word names that are equal', () => {
    expect(matchPersonName('Sukarno', 'SUKARNO').verdict).toBe('same');
  });
});

describe('nameTokens', () => {
  it('drops accents, case, commas, titles and suffixes, and splits hyphenated names', () => {
    expect(nameTokens('Dr. Núñez-García, José A. Jr.').map((t) => t.key)).toEqual(['nunez', 'garcia', 'jose', 'a']);
  });

  it('keeps the written form for messages', () => {
    expect(nameTokens('Núñez, José').map((t) => t.shown)).toEqual(['Núñez', 'José']);
  });
});
