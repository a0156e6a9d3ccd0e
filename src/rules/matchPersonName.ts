import { foldText } from './shared/foldText.js';

/**
 * same: the letter names the person the caller means ("Núñez, José A." and "Jose Nunez").
 * similar: probably the same person, but the name is spelled differently or only in part
 *   ("Jose Nunes", "Jose"): the student should have it corrected, an advisor decides.
 * different: another person ("Maria Nunez" for "Jose Nunez").
 */
export type NameVerdict = 'same' | 'similar' | 'different';

export interface NameComparison {
  verdict: NameVerdict;
  /** Plain words for a finding's message, e.g. 'the letter spells "Nunez" as "Nunes"'. */
  explanation: string;
}

/** The explanation when two names share no word at all: nothing more to say than that they differ. */
export const NO_COMMON_WORD = 'the names have no word in common';

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'madam', 'madame', 'mme', 'mlle', 'dear']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

interface Token {
  /** Folded text, e.g. "nunez". */
  key: string;
  /** As written, for messages. */
  shown: string;
}

/** Splits a name into comparable words: no accents, case, punctuation, titles or suffixes; hyphenated names become two words. */
export function nameTokens(name: string): Token[] {
  const cleaned = name.replace(/\([^)]*\)/g, ' ').replace(/["“”]/g, ' ');
  const tokens: Token[] = [];
  for (const raw of cleaned.split(/[\s,;/]+|(?<=\.)/)) {
    for (const part of raw.split(/[-‐‑–]/)) {
      const shown = part.replace(/[^\p{L}\p{M}'’`.]/gu, '').replace(/\.+$/, '');
      const key = foldText(shown).replace(/[^a-z\p{L}]/gu, '');
      if (!key) continue;
      if (TITLES.has(key) || SUFFIXES.has(key)) continue;
      tokens.push({ key, shown: shown.replace(/\./g, '') });
    }
  }
  return tokens;
}

/** Optimal string alignment distance (a swap of two neighbours counts as one edit), bounded for speed. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** One slip for a word of 4+ letters, two for 8+: "Nunes"/"Nunez", "Mohammed"/"Muhammad"; short words must be exact ("Ana" is not "Ava"). */
function closeSpelling(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  return editDistance(a, b) <= (shorter >= 8 ? 2 : 1);
}

/** "Jeanluc" against "Jean Luc", "Desouza" against "de Souza": joins neighbours on one side when the other writes them as one word. */
function joinSplitWords(side: Token[], other: Token[]): Token[] {
  const otherKeys = new Set(other.map((t) => t.key));
  const out: Token[] = [];
  for (let i = 0; i < side.length; i++) {
    const next = side[i + 1];
    if (next && !otherKeys.has(side[i].key) && otherKeys.has(side[i].key + next.key)) {
      out.push({ key: side[i].key + next.key, shown: `${side[i].shown} ${next.shown}` });
      i++;
    } else {
      out.push(side[i]);
    }
  }
  return out;
}

const quote = (t: Token) => `"${t.shown}"`;

/**
 * Compares two person names the way an advisor would: case, accents, word order, commas,
 * titles, and middle names or initials do not matter; every full word of the shorter name must
 * be found in the longer one. Used to check that the letter is addressed to the student.
 */
export function matchPersonName(expected: string, found: string): NameComparison {
  let a = nameTokens(expected);
  let b = nameTokens(found);
  if (a.length === 0 || b.length === 0) return { verdict: 'different', explanation: 'one of the two has no name in it' };
  a = joinSplitWords(a, b);
  b = joinSplitWords(b, a);

  const fullA = a.filter((t) => t.key.length > 1);
  const fullB = b.filter((t) => t.key.length > 1);
  // The shorter name (fewer full words) is the one every word of which must be found.
  const [short, long, shortIsFound] = fullB.length <= fullA.length ? [b, a, true] : [a, b, false];
  const shortFull = short.filter((t) => t.key.length > 1);
  const longFull = long.filter((t) => t.key.length > 1);
  if (shortFull.length === 0) {
    return { verdict: 'similar', explanation: `${shortIsFound ? 'the letter gives' : 'you gave'} only initials (${short.map(quote).join(' ')})` };
  }

  const used = new Set<number>();
  const respelled: [Token, Token][] = [];
  const unmatched: Token[] = [];
  for (const token of shortFull) {
    let index = longFull.findIndex((t, i) => !used.has(i) && t.key === token.key);
    if (index < 0) {
      index = longFull.findIndex((t, i) => !used.has(i) && closeSpelling(t.key, token.key));
      if (index >= 0) respelled.push(shortIsFound ? [longFull[index], token] : [token, longFull[index]]);
    }
    if (index < 0) unmatched.push(token);
    else used.add(index);
  }

  if (unmatched.length === shortFull.length) return { verdict: 'different', explanation: NO_COMMON_WORD };
  if (unmatched.length > 0) {
    const which = unmatched.map(quote).join(' and ');
    return {
      verdict: 'different',
      explanation: shortIsFound ? `the letter's name has ${which}, which is not in the name you gave` : `the letter's name lacks ${which}`,
    };
  }

  // Initials of the shorter name must fit a word of the longer one that is still free, when one is.
  const freeLong = longFull.filter((_, i) => !used.has(i));
  const initials = short.filter((t) => t.key.length === 1);
  const longInitials = long.filter((t) => t.key.length === 1);
  const misfit = initials.filter((initial) =>
    freeLong.length > 0
      ? !freeLong.some((t) => t.key.startsWith(initial.key))
      : longInitials.length > 0 && !longInitials.some((t) => t.key === initial.key),
  );
  const remainingLong = freeLong.filter((t) => !initials.some((i) => t.key.startsWith(i.key)));

  if (respelled.length > 0) {
    const pairs = respelled.map(([want, got]) => `${quote(want)} as ${quote(got)}`).join(', ');
    return { verdict: 'similar', explanation: `the letter spells ${pairs}` };
  }
  if (misfit.length > 0) {
    const against = freeLong.length > 0 ? freeLong : longInitials;
    return { verdict: 'similar', explanation: `the initial ${misfit.map(quote).join(', ')} does not fit ${against.map(quote).join(' ')}` };
  }
  if (shortFull.length === 1 && remainingLong.length > 0 && longFull.length >= 2) {
    return {
      verdict: 'similar',
      explanation: shortIsFound ? `the letter gives only ${quote(shortFull[0])}, not your full name` : `you gave only ${quote(shortFull[0])}`,
    };
  }
  return { verdict: 'same', explanation: 'the names match' };
}
