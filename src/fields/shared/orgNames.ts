import { isFreeMailAddress } from './freeMailDomains.js';
import { isNotNameWord } from './names.js';

/**
 * Company names as they appear in letterheads, bodies and signatures: "Acme Robotics, Inc.",
 * "Northwind Labs", "BLUE HERON ANALYTICS LLC". Lexical only: which company is the employer is the
 * caller's decision.
 */

const LEGAL_SUFFIX =
  /^(?:inc\.?|incorporated|llc\.?|l\.l\.c\.?|llp\.?|l\.l\.p\.?|lp\.?|l\.p\.|ltd\.?|limited|corp\.?|corporation|co\.|company|gmbh|ag|s\.a\.?|sa|plc\.?|pbc|pty\.?|n\.a\.|se|sas|b\.?v\.?|n\.?v\.?|oy|ab|k\.?k\.?|pvt\.?|pllc\.?|p\.c\.|pc)$/i;

/** Last words that make a capitalized phrase a company or institution ("Acme Robotics"). */
const ORG_WORDS = new Set(
  `technologies technology tech labs lab laboratories laboratory systems solutions software group partners holdings
  industries enterprises consulting consultants analytics robotics health healthcare bank bancorp capital foundation
  institute hospital hospitals networks network media studios studio ventures associates dynamics energy
  pharmaceuticals pharma therapeutics biosciences bioscience biotech biotechnologies bio medical financial insurance
  logistics manufacturing motors aerospace devices semiconductor semiconductors electronics communications digital
  interactive games entertainment architects architecture engineering agency services works foods brands retail
  markets research sciences data ai cloud security clinic center centre university college museum council trust fund
  cooperative collective global international worldwide america americas usa ventures innovations innovation
  instruments materials chemicals automotive airlines aviation motorworks bioworks microsystems dynamics
  robotics energy power utilities telecom wireless mobility advisors advisory capital investments management
  properties realty construction builders design designs creative marketing labs apparel outfitters pharmacy
  firm law legal accounting audit hotels resorts hospitality restaurants kitchen bakery farms farm gardens
  alliance association society institution schools academy library press publishing news`.split(/\s+/).filter(Boolean),
);

/** Words that begin a phrase but are not part of the company name ("Welcome to", "Dear", "The"). */
const LEADING_NOISE = new Set(
  `the dear at we our your this welcome join joining to from on of re subject congratulations thank thanks with for
  and by in as a an all about letter offer hello hi`.split(/\s+/),
);

/** Words that make a run a job title or a department, not a company ("Data Science Intern"). */
const ROLE_WORDS = new Set(
  `intern interns internship internships co-op coop trainee apprentice fellow fellowship engineer engineers analyst
  developer assistant associate coordinator specialist scientist designer consultant officer manager director
  program programme team department division office unit recruiter representative technician student position role`.split(
    /\s+/,
  ),
);


export interface OrgMatch {
  name: string;
  /** Offset of the name in the searched text. */
  index: number;
  /** suffix: ends with a legal form (Inc., LLC); word: ends with a company word (Labs, Robotics). */
  strength: 'suffix' | 'word';
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const CAPITALIZED = /^[\p{Lu}\p{N}][\p{L}\p{M}\p{N}&'’.\-+]*$/u;
const CONNECTOR = /^(?:&|and|of|the|de|du|des|la|le|for|\+)$/;

function core(word: string): string {
  return word.replace(/[,;:!?)"”]+$/u, '').replace(/(?<=[\p{Ll}\p{N}]{2,})\.$/u, '');
}

export function isSuffix(word: string): boolean {
  // "Inc..": a sentence's full stop after the abbreviation's own.
  return LEGAL_SUFFIX.test(word.replace(/[,;:!?)]+$/u, '').replace(/\.{2,}$/u, '.'));
}

export function isOrgWord(word: string): boolean {
  return ORG_WORDS.has(core(word).toLowerCase());
}

function isDistinctive(word: string): boolean {
  const w = core(word).toLowerCase();
  if (w.length === 0 || CONNECTOR.test(w)) return false;
  if (ORG_WORDS.has(w) || ROLE_WORDS.has(w) || LEADING_NOISE.has(w)) return false;
  if (isSuffix(word)) return false;
  if (/^\d+$/.test(w)) return false;
  // Generic capitalized words (months, "Human", "Resources") do not name a company on their own.
  return !isNotNameWord(w) || /^[\p{Lu}\p{N}&]{2,}$/u.test(core(word));
}

/** All company names in a piece of text, in order of appearance. */
export function findOrgNames(text: string): OrgMatch[] {
  const tokens: Token[] = [];
  const re = /\S+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });

  const found: OrgMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    // A run: capitalized words and connectors, broken by punctuation except a comma before a legal suffix.
    if (!CAPITALIZED.test(core(tokens[i].text)) || core(tokens[i].text) === '') {
      i++;
      continue;
    }
    const run: Token[] = [];
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j];
      const c = core(t.text);
      const capital = CAPITALIZED.test(c) && c !== '';
      const connector = CONNECTOR.test(c) && run.length > 0;
      const suffix = run.length > 0 && isSuffix(t.text);
      if (!(capital || connector || suffix)) break;
      // A company name never runs over a line break (a title line above a company line).
      if (run.length > 0 && text.slice(run[run.length - 1].end, t.start).includes('\n')) break;
      run.push(t);
      j++;
      const ends = /[,;:!?)"”]$/u.test(t.text) || (/\.$/u.test(t.text) && !isSuffix(t.text) && c.length > 1);
      if (ends) {
        // "Acme Robotics, Inc." continues over the comma.
        const commaThenSuffix = /,$/.test(t.text) && j < tokens.length && isSuffix(tokens[j].text);
        if (!commaThenSuffix) break;
      }
    }
    i = Math.max(j, i + 1);

    // Drop leading noise ("Welcome to", "The") and trailing connectors.
    while (run.length > 0 && (LEADING_NOISE.has(core(run[0].text).toLowerCase()) || CONNECTOR.test(core(run[0].text)))) run.shift();
    if (run.length === 0) continue;

    const suffixAt = run.findIndex((t, k) => k > 0 && isSuffix(t.text));
    if (suffixAt > 0) {
      const body = run.slice(0, suffixAt);
      if (body.some((t) => isDistinctive(t.text) || isOrgWord(t.text))) {
        found.push(make(text, run[0], run[suffixAt], 'suffix'));
        continue;
      }
    }
    // "Bank of Springfield", "Institute of Marine Science": a company word, then "of" and a name.
    if (run.length >= 3 && isOrgWord(run[0].text) && /^(?:of|for)$/i.test(core(run[1].text)) && run.slice(2).some((t) => isDistinctive(t.text))) {
      found.push(make(text, run[0], run[run.length - 1], 'word'));
      continue;
    }
    // "Growth Marketing Intern", "Data Science Team": a job title or a unit, not a company.
    if (ROLE_WORDS.has(core(run[run.length - 1].text).toLowerCase())) continue;
    // The longest prefix that ends on a company word and holds a distinctive word.
    for (let k = run.length - 1; k >= 1; k--) {
      if (!isOrgWord(run[k].text)) continue;
      const body = run.slice(0, k + 1);
      if (!body.some((t) => isDistinctive(t.text))) continue;
      if (body.some((t) => ROLE_WORDS.has(core(t.text).toLowerCase()))) continue;
      found.push(make(text, run[0], run[k], 'word'));
      break;
    }
  }
  return found;
}

function make(text: string, first: Token, last: Token, strength: OrgMatch['strength']): OrgMatch {
  let end = last.end;
  // Keep the period of "Inc." but not sentence punctuation after a word.
  let raw = text.slice(first.start, end).replace(/[,;:!?)"”]+$/u, '').replace(/\.{2,}$/u, '.');
  const keepDot = strength === 'suffix' && /\.$/.test(raw) && /(?:inc|corp|co|ltd|l\.l\.c|s\.a|n\.a|pvt|pty|p\.c|b\.v|n\.v|k\.k)\.$/i.test(raw);
  raw = raw.replace(keepDot ? /[,;:!?)"”]+$/u : /[.,;:!?)"”]+$/u, '');
  end = first.start + raw.length;
  return { name: raw.replace(/\s+/gu, ' '), index: first.start, strength };
}

/** Whether a whole line is a company name (a letterhead's first line, a signature's company line). */
export function isOrgLine(line: string): OrgMatch | null {
  const trimmed = line.trim();
  const found = findOrgNames(trimmed);
  if (found.length === 0) return null;
  const best = found[0];
  const rest = (trimmed.slice(0, best.index) + trimmed.slice(best.index + best.name.length)).replace(/[\s.,|•·–—-]+/gu, '');
  return rest.length <= 2 ? best : null;
}

/** The registrable part of an address's domain: "hr.acme-robotics.com" -> "acme-robotics.com". */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const host = address.slice(at + 1).trim().toLowerCase().replace(/[>)\]]+$/u, '');
  const parts = host.split('.').filter(Boolean);
  if (parts.length < 2) return null;
  const secondLevel = parts.length >= 3 && /^(?:co|com|ac|org|net|gov|edu)$/.test(parts[parts.length - 2]) && parts[parts.length - 1].length === 2;
  return parts.slice(secondLevel ? -3 : -2).join('.');
}

export function isFreeMail(address: string): boolean {
  return isFreeMailAddress(address);
}

function compact(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Whether a company name goes with an email domain: "Acme Robotics, Inc." and "acmerobotics.com",
 * "acme.com", "acme-robotics.example", or the initials ("Blue Heron Analytics" and "bha.com").
 */
export function orgMatchesDomain(org: string, domain: string): boolean {
  const label = compact(domain.split('.')[0]);
  if (label.length < 2) return false;
  const words = org
    .split(/[\s,]+/u)
    .map(core)
    .filter((w) => w && !isSuffix(w) && !CONNECTOR.test(w.toLowerCase()));
  const full = compact(words.join(''));
  if (full === label || full.startsWith(label) || (label.startsWith(full) && full.length >= 3)) return true;
  const first = compact(words[0] ?? '');
  if (first.length >= 3 && label.startsWith(first)) return true;
  const initials = words.map((w) => compact(w)[0] ?? '').join('');
  return initials.length >= 2 && initials === label;
}

/**
 * The names the text gives the company behind an email domain: capitalized phrases that go with the
 * domain ("Windrose Transit" for windrosetransit.com), in order of appearance, legal form kept.
 */
export function namesForDomain(text: string, domain: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const tokens: Token[] = [];
    const re = /\S+/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    for (let i = 0; i < tokens.length; i++) {
      const first = core(tokens[i].text);
      if (!CAPITALIZED.test(first) || LEADING_NOISE.has(first.toLowerCase())) continue;
      if (i > 0 && CAPITALIZED.test(core(tokens[i - 1].text)) && !/[,;:.!?]$/.test(tokens[i - 1].text) && !LEADING_NOISE.has(core(tokens[i - 1].text).toLowerCase())) continue;
      // The longest capitalized phrase from here that still goes with the domain.
      let best: OrgMatch | null = null;
      for (let j = i; j < tokens.length && j < i + 6; j++) {
        const c = core(tokens[j].text);
        const ok = (CAPITALIZED.test(c) && c !== '') || (j > i && (CONNECTOR.test(c) || isSuffix(tokens[j].text)));
        if (!ok) break;
        if (!CONNECTOR.test(c)) {
          const candidate = make(line, tokens[i], tokens[j], isSuffix(tokens[j].text) ? 'suffix' : 'word');
          if (orgMatchesDomain(candidate.name, domain)) best = candidate;
        }
        const ends = /[;:!?)"”]$/u.test(tokens[j].text) || (/,$/.test(tokens[j].text) && !(j + 1 < tokens.length && isSuffix(tokens[j + 1].text))) || (/\.$/.test(tokens[j].text) && !isSuffix(tokens[j].text));
        if (ends) break;
      }
      if (best) out.push(best.name);
    }
  }
  return out;
}

/** "Orchard Lane Foods, Inc." -> "Orchard Lane Foods". */
export function withoutLegalForm(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && isSuffix(words[words.length - 1])) words.pop();
  return words.join(' ').replace(/,$/, '');
}
