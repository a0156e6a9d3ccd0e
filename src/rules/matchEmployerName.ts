import { foldText } from './shared/foldText.js';

/** Words that say what kind of company it is, not which one: "Inc.", "LLC", "Corp.", "GmbH". */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'lc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'pllc',
  'pc',
  'pa',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'srl',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'pty',
  'pvt',
  'ulc',
  'the',
]);

/** Comparable words of a company name: no case, accents, punctuation or legal form; "&" is "and". */
export function employerWords(name: string): string[] {
  const folded = foldText(name)
    .replace(/&/g, ' and ')
    // "L.L.C.", "S.A.": dotted abbreviations become one word before punctuation goes.
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const words = folded.split(' ').filter(Boolean);
  // Only trailing or leading legal forms go: "Company" inside "The Container Company of Ohio" is kept in the middle.
  let start = 0;
  let end = words.length;
  while (start < end && LEGAL_FORMS.has(words[start])) start++;
  while (end > start && LEGAL_FORMS.has(words[end - 1])) end--;
  const core = words.slice(start, end);
  return core.length > 0 ? core : words;
}

/** The names a company goes by in one string: "Contoso Ltd. d/b/a Contoso Labs" is both. */
function aliases(name: string): string[][] {
  return name
    .split(/\b(?:d\/b\/a|dba|doing business as|formerly|trading as|t\/a)\b/i)
    .map(employerWords)
    .filter((w) => w.length > 0);
}

function startsWith(words: string[], prefix: string[]): boolean {
  return prefix.length > 0 && prefix.length <= words.length && prefix.every((w, i) => words[i] === w);
}

function isAcronymOf(short: string[], long: string[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  const initials = long.filter((w) => w !== 'and' && w !== 'of').map((w) => w[0]).join('');
  return short[0] === initials;
}

/**
 * Whether the caller's employer and the letter's are the same company, as a person would read
 * them: "Acme Robotics" is "ACME Robotics, Inc.", "Acme" is "Acme Robotics LLC" (a short form
 * that starts the full name), "IBM" is "International Business Machines Corp.".
 */
export function matchEmployerName(expected: string, found: string): boolean {
  for (const a of aliases(expected)) {
    for (const b of aliases(found)) {
      if (a.join(' ') === b.join(' ')) return true;
      if (a.join('') === b.join('')) return true;
      if (startsWith(a, b) || startsWith(b, a)) return true;
      if (isAcronymOf(a, b) || isAcronymOf(b, a)) return true;
    }
  }
  return false;
}
