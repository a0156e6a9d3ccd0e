/**
 * Person names as written in letters from many cultures: hyphens ("Al-Hassan"), accents ("Núñez"),
 * apostrophes ("O'Brien"), particles ("van der Berg", "de la Cruz", "bin Ahmad"), initials ("José A."),
 * all-caps family names ("NGUYEN Van An"). Purely lexical: whether a name is the student's, the signer's
 * or the supervisor's is decided by the field that asks.
 */

const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'di', 'da', 'do', 'du', 'dos', 'das', 'le', 'la', 'les',
  'bin', 'binti', 'binte', 'bint', 'ibn', 'al', 'el', 'ter', 'ten', 'te', 'y', 'e', 'zu', 'af', 'av', 'st.', 'abu', 'ap',
]);

/** Courtesy titles that may precede a name ("Ms. Raman"); not part of the name's value. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|madam|mme|mlle|herr|frau|sr|sra|srta)\.?$/i;

const GENERATIONAL = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;

/** Post-nominal credentials dropped from a signer line ("Jane Smith, PhD"). */
const CREDENTIAL = /^(?:ph\.?\s?d\.?|m\.?d\.?|mba|m\.?s\.?|b\.?s\.?|ma|ba|cpa|pe|p\.e\.|esq\.?|sphr|phr|shrm-c?p|rn|jd|j\.d\.|msc|bsc|meng|pmp)$/i;

/**
 * Capitalized words that start sentences, headings or letter parts and are never a person's name.
 * Kept lower-case; compared without punctuation.
 */
const NOT_NAME_WORDS = new Set(
  `dear hello hi hey greetings to from re subject date sent cc bcc attn attention sincerely regards best thanks thank
  congratulations welcome offer letter position role job title internship intern interns co-op coop cooperative
  program programme team department dept human resources recruiting recruiter recruitment talent acquisition people
  operations hr manager director engineer engineering analyst developer assistant associate coordinator specialist
  scientist designer consultant officer president vice chief head lead senior junior principal staff student
  university college school institute inc llc ltd corp corporation company co group labs laboratories technologies
  technology systems solutions software services partners holdings industries enterprises foundation bank
  street st avenue ave road rd boulevard blvd drive dr lane ln suite ste floor building way court ct place pl parkway
  highway hwy box po p.o. city state zip usa united states america
  january february march september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
  summer fall spring winter autumn term semester quarter session year week hours hour pay salary rate stipend
  the a and or of for in on at by with we you your our their this that these those please note page
  signature signed name employee employer candidate duties responsibilities supervisor location address phone
  email e-mail mobile tel fax web www website
  research data science marketing finance sales product design business development mechanical electrical civil
  computer information security cloud platform infrastructure analytics accounting legal communications operations
  acceptance accepted agreement enclosure enclosures confidential private yours truly cordially respectfully
  congrats welcome aboard okay yes no not all any each every some new old first last applicant applicants colleague
  friend friends future hire hires sir madam madame whom it concern valued prospective selected successful everyone
  there folks partner partners managing executive general counsel attorney attorneys founder cofounder co-founder owner
  ceo cto cfo coo cio vp svp evp chair chairman chairwoman chairperson dean secretary treasurer administrator
  superintendent principal supervisor generalist partner business hiring member members committee board panel
  admissions colleagues sirs ladies gentlemen customer client office signatory signatures authorized authorised representative participant
  participants`.split(/\s+/).filter(Boolean),
);

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*|(?:[dlDL]|Mc|Mac|O)['’]\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)$/u;
const INITIAL = /^\p{Lu}\.?$/u;

function bare(word: string): string {
  return word.replace(/[.,;:!?]+$/u, '').toLowerCase();
}

/** Whether a word, as written, can stand inside a name (particles are checked by position). */
function isNameWord(word: string): boolean {
  const w = word.replace(/\.$/u, '');
  if (INITIAL.test(word)) return true;
  if (!NAME_WORD.test(w)) return false;
  return !NOT_NAME_WORDS.has(w.toLowerCase());
}

export interface ParsedName {
  /** The name as written, without honorific or trailing punctuation. */
  name: string;
  /** "Ms.", "Dr." when written before the name. */
  honorific: string | null;
  /** Length of the consumed text (honorific included), from the start of the input. */
  length: number;
}

/**
 * Reads a person's name at the start of `text` ("José A. Núñez, we are ..." -> "José A. Núñez").
 * Returns null when the text does not start with something shaped like a name.
 */
export function readNameAt(text: string, options: { maxWords?: number } = {}): ParsedName | null {
  const maxWords = options.maxWords ?? 6;
  const re = /\S+/gu;
  let honorific: string | null = null;
  const words: { word: string; start: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    // Punctuation that ends the name; a final period ends it too unless the word is an initial ("A.").
    const trailing = /(?:[,;:!?)"”]|(?<=\p{L}{2,})\.)+$/u.exec(raw)?.[0] ?? '';
    const word = raw.slice(0, raw.length - trailing.length);
    // One or more courtesy titles before the name: "Ms.", "Prof. Dr.".
    if (words.length === 0 && HONORIFIC.test(word) && !/^(?:sir|madam)$/i.test(word)) {
      if (trailing && trailing !== '.') return null;
      const written = word + (trailing === '.' ? '.' : '');
      honorific = honorific ? `${honorific} ${written}` : written;
      continue;
    }
    const lower = word.toLowerCase();
    const isParticle = words.length > 0 && PARTICLES.has(lower) && word === lower;
    const isGen = words.length >= 2 && GENERATIONAL.test(word);
    if (!(isNameWord(word) || isParticle || isGen)) break;
    if (words.length >= maxWords) break;
    words.push({ word, start: m.index, end: m.index + word.length });
    if (trailing) break;
  }
  // A name never ends on a particle ("Anna van").
  while (words.length > 0 && PARTICLES.has(words[words.length - 1].word)) words.pop();
  if (words.length === 0) return null;
  // Initials alone ("A. B.") are not a name.
  if (words.every((w) => INITIAL.test(w.word))) return null;
  const first = words[0];
  const last = words[words.length - 1];
  const name = text.slice(first.start, last.end).replace(/\s+/gu, ' ');
  return { name, honorific, length: last.end };
}

/**
 * The name in a string that should be only a name ("Dr. Jane Smith, PhD" -> "Jane Smith");
 * null when anything else is in it.
 */
export function cleanPersonName(text: string, options: { minWords?: number } = {}): string | null {
  let t = text.trim().replace(/\s+/gu, ' ');
  // Credentials after a comma: "Jane Smith, PhD, SPHR".
  const parts = t.split(/\s*,\s*/u);
  while (parts.length > 1 && CREDENTIAL.test(parts[parts.length - 1].replace(/\s/gu, ''))) parts.pop();
  t = parts.join(', ');
  const parsed = readNameAt(t);
  if (!parsed) return null;
  if (t.slice(parsed.length).replace(/[.,;:!]/gu, '').trim() !== '') return null;
  const count = nameWords(parsed.name).length;
  if (count < (options.minWords ?? 1)) return null;
  return parsed.name;
}

/** The words of a name that identify the person (particles, initials and generational suffixes left out). */
export function nameWords(name: string): string[] {
  return name
    .split(/\s+/u)
    .map((w) => w.replace(/[.,]+$/u, ''))
    .filter((w) => w.length > 1 && !PARTICLES.has(w) && !GENERATIONAL.test(w) && !HONORIFIC.test(w));
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether two names can be the same person: every identifying word of the shorter is in the longer. */
export function sameOrPartOf(a: string, b: string): boolean {
  const wa = nameWords(a).map(fold);
  const wb = nameWords(b).map(fold);
  if (wa.length === 0 || wb.length === 0) return false;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w) => long.includes(w));
}

export function isNotNameWord(word: string): boolean {
  return NOT_NAME_WORDS.has(bare(word));
}
