import type { Letter } from '../letter.js';
import { STATE_PATTERN, stateCode } from './usStates.js';

/** A postal address (or part of one) written in the letter. Parts the letter leaves out are null. */
export interface AddressMention {
  page: number;
  /** Offsets in the page text, from the first part written to the last. */
  index: number;
  end: number;
  /** Line indexes (0-based, blank lines counted) the address spans. */
  firstLine: number;
  lastLine: number;
  text: string;
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  /** "P.O. Box 1234" when the address is a post office box. */
  poBox: string | null;
}

const both = (words: string[]) => words.flatMap((w) => [w, w.toUpperCase()]).join('|');

const SUFFIXES = [
  'Street', 'St', 'Avenue', 'Ave', 'Av', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Drive', 'Dr', 'Lane', 'Ln', 'Way', 'Court', 'Ct',
  'Place', 'Pl', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Circle', 'Cir', 'Terrace', 'Ter', 'Square', 'Sq', 'Trail', 'Trl',
  'Plaza', 'Plz', 'Loop', 'Alley', 'Row', 'Crossing', 'Pike', 'Turnpike', 'Expressway', 'Expy', 'Freeway', 'Fwy',
  'Center', 'Ctr', 'Centre', 'Point', 'Commons', 'Park', 'Walk', 'Path', 'Run', 'Pass', 'Ridge', 'Heights', 'Landing',
  'Wharf', 'Pier', 'Mall', 'Green', 'Cove', 'Bend', 'Broadway', 'Causeway', 'Quay', 'Esplanade', 'Mews', 'Gardens', 'Close',
];
const UNIT_WORDS = ['Suite', 'Ste', 'Floor', 'Fl', 'Unit', 'Room', 'Rm', 'Building', 'Bldg', 'Apt', 'Apartment', 'Office', 'Level', 'Tower', 'Dept', 'Mail Stop', 'MS'];

const HOUSE = `(?:\\d{1,6}[A-Z]?(?:-\\d{1,5})?|${both(['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'])})`;
const DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\\.?';
const NAME_WORD = "(?:[A-Z0-9][A-Za-z0-9.'’&-]*|of|the|de|la|del)";
const SUFFIX = `(?:${both(SUFFIXES)})\\.?`;
const UNIT = `(?:(?:${both(UNIT_WORDS)})\\.?\\s*#?\\s*[A-Za-z0-9-]+|#\\s*[A-Za-z0-9-]+|\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)\\s+(?:Floor|FLOOR|Fl\\.?)|(?:Floor|FLOOR)\\s+\\d{1,3})`;
/** "1200 Harbor Blvd", "350 Fifth Avenue", "One Market Plaza", "1540 Broadway", "100 N. Main St. NW", "Route 9". */
const STREET_CORE = `(?:${HOUSE}\\s+(?:${DIRECTION}\\s+)?(?:${NAME_WORD}\\s+){0,4}?${SUFFIX}(?:\\s+${DIRECTION}(?![A-Za-z]))?|${HOUSE}\\s+(?:${both(['Broadway'])})|${HOUSE}\\s+(?:State\\s+)?(?:Route|Highway|Hwy|US|County Road)\\s+\\d+[A-Z]?)`;
export const STREET_RE = new RegExp(`(?<![\\w$#.,-])${STREET_CORE}(?:\\s*,?\\s*${UNIT})*(?![A-Za-z0-9])`, 'g');
const UNIT_LINE = new RegExp(`^\\s*${UNIT}(?:\\s*,?\\s*${UNIT})*\\s*,?\\s*$`);
export const PO_BOX_RE = /\b(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|POB|P\.?O\.?B\.?|Box)\s*#?\s*\d+/i;

/** "WA 98101", "Texas 78701-1234", "OR 97201": a state followed by a ZIP, the surest anchor of an address. */
const STATE_ZIP = new RegExp(`(?<![A-Za-z])(${STATE_PATTERN})\\.?,?[ \\t]+(\\d{5}(?:[-–]\\d{4})?)(?![\\w-])`, 'g');
/** ", TX" or ", Texas" with no ZIP: "Location: Austin, Texas". */
const COMMA_STATE = new RegExp(`,[ \\t]*(${STATE_PATTERN})\\.?(?![\\w-])`, 'g');
const STATE_NEXT = new RegExp(`^\\.?\\s*,?\\s*(?:${STATE_PATTERN})\\b`);

interface CityState {
  /** Offsets within the line. */
  cityStart: number;
  end: number;
  city: string;
  state: string;
  zip: string | null;
}

/** The city is the segment before the state: after the last comma, bar or colon, its trailing capitalised words. */
function cityBefore(prefix: string): { city: string; start: number } | null {
  const trimmed = prefix.replace(/[\s,]+$/, '');
  const m = /((?:[A-Z][A-Za-z.'’-]*|de|du|la|of|d')(?:[ ](?:[A-Z][A-Za-z.'’-]*|de|du|la|of|d'))*)$/.exec(trimmed);
  if (!m) return null;
  const city = cleanCity(m[1]);
  if (!city || city.split(' ').length > 4) return null;
  return { city, start: trimmed.length - city.length };
}

function citiesOn(line: string): CityState[] {
  const found: CityState[] = [];
  for (const m of line.matchAll(STATE_ZIP)) {
    const state = stateCode(m[1]);
    const c = state ? cityBefore(line.slice(0, m.index)) : null;
    if (!state || !c) continue;
    found.push({ cityStart: c.start, end: m.index! + m[0].length, city: c.city, state, zip: m[2].replace('–', '-') });
  }
  for (const m of line.matchAll(COMMA_STATE)) {
    const at = m.index!;
    if (found.some((f) => at < f.end && f.cityStart <= at + m[0].length)) continue;
    // "Floor, New York, NY 10118": the state name here is the city of the next part.
    if (STATE_NEXT.test(line.slice(at + m[0].length))) continue;
    const state = stateCode(m[1]);
    const c = state ? cityBefore(line.slice(0, at)) : null;
    if (!state || !c) continue;
    found.push({ cityStart: c.start, end: at + m[0].length, city: c.city, state, zip: null });
  }
  return found.sort((x, y) => x.cityStart - y.cityStart);
}

const NOT_A_CITY = /^(?:Dear|Hi|Hello|Hey|Sincerely|Regards|Thanks|Thank you|Best|Cheers|Congratulations|Welcome|Yes|No|Note|Re|Subject|To|From|Attn|Attention|Mr|Ms|Mrs|Dr)\b/;
const STREET_TOKENS = new RegExp(`^(?:${both(SUFFIXES)}|${both(UNIT_WORDS)})\\.?$`);

function cleanCity(raw: string): string {
  // "Main Street Boston" (no comma after the street): the city is what follows the street's last word.
  const words = raw.split(' ');
  let cut = 0;
  words.forEach((w, i) => {
    if (STREET_TOKENS.test(w) || /\d/.test(w)) cut = i + 1;
  });
  return words.slice(cut).join(' ');
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return out;
}

function lastStreetIn(text: string): RegExpMatchArray | null {
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(STREET_RE)) last = m;
  return last;
}

// A full stop after a whole word ("Main Street.") ends the sentence; after "St." it is the abbreviation's.
const tidy = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,]+$/g, '').replace(/([a-z]{4,})\.$/i, '$1');

/** Every address on every page: anchored on "City, ST ZIP", with street, suite and PO Box read from the same or preceding lines; and lone street lines. */
export function findAddresses(letter: Letter): AddressMention[] {
  const out: AddressMention[] = [];
  for (const page of letter.pages) {
    const text = page.text;
    const lines = linesOf(text);
    const usedLines = new Set<number>();
    lines.forEach((line, li) => {
      for (const m of citiesOn(line.text)) {
        const { state, city, zip } = m;
        const cityAt = line.start + m.cityStart;
        const endAt = line.start + m.end;
        // Without a ZIP, "Dear Jane, ..." or "Smith, PA" style commas are too common: a state name or code must end the phrase.
        let street: string | null = null;
        let poBox: string | null = null;
        let startAt = cityAt;
        let firstLine = li;
        const prefix = text.slice(line.start, cityAt);
        const sameLine = lastStreetIn(prefix);
        const box = PO_BOX_RE.exec(prefix);
        if (sameLine) {
          street = tidy(prefix.slice(sameLine.index!));
          startAt = line.start + sameLine.index!;
        } else if (box) {
          poBox = tidy(prefix.slice(box.index));
          startAt = line.start + box.index;
        } else if (!prefix.trim()) {
          // Street on the line(s) above: "1200 Harbor Blvd\nSuite 400\nOakland, CA 94607".
          const above: number[] = [];
          for (let k = li - 1; k >= 0 && above.length < 3; k--) {
            if (!lines[k].text.trim()) break;
            above.unshift(k);
          }
          const units: string[] = [];
          for (let j = above.length - 1; j >= 0; j--) {
            const l = lines[above[j]];
            if (UNIT_LINE.test(l.text)) {
              units.unshift(tidy(l.text));
              startAt = l.start;
              firstLine = above[j];
              continue;
            }
            const s = lastStreetIn(l.text);
            const b = PO_BOX_RE.exec(l.text);
            if (s) {
              street = tidy([l.text.slice(s.index!), ...units].join(', '));
              startAt = l.start + s.index!;
              firstLine = above[j];
            } else if (b) {
              poBox = tidy(l.text.slice(b.index));
              startAt = l.start + b.index;
              firstLine = above[j];
            }
            break;
          }
        }
        // A street with a PO Box beside it ("100 Main St, PO Box 5"): the box is the mailing part.
        if (street && PO_BOX_RE.test(street)) {
          poBox = tidy(PO_BOX_RE.exec(street)![0]);
          street = tidy(street.replace(PO_BOX_RE, '')) || null;
        }
        // Without ZIP or street, "Hello, Virginia" must not pass for an address.
        if (!zip && !street && !poBox && NOT_A_CITY.test(city)) continue;
        for (let k = firstLine; k <= li; k++) usedLines.add(k);
        out.push({ page: page.number, index: startAt, end: endAt, firstLine, lastLine: li, text: text.slice(startAt, endAt), street, city, state, zip, poBox });
      }
    });
    // Streets with no city line: "our office at 100 Main Street" (incomplete, but worth reporting).
    lines.forEach((line, li) => {
      if (usedLines.has(li)) return;
      for (const s of line.text.matchAll(STREET_RE)) {
        const next = lines[li + 1];
        if (next && citiesOn(next.text).length) continue;
        const index = line.start + s.index!;
        const street = tidy(s[0]);
        const written = s[0].startsWith(street) ? street : s[0];
        out.push({ page: page.number, index, end: index + written.length, firstLine: li, lastLine: li, text: written, street, city: null, state: null, zip: null, poBox: null });
      }
      const b = PO_BOX_RE.exec(line.text);
      if (b && !/^Box\b/i.test(b[0])) {
        const index = line.start + b.index;
        out.push({ page: page.number, index, end: index + b[0].length, firstLine: li, lastLine: li, text: b[0], street: null, city: null, state: null, zip: null, poBox: tidy(b[0]) });
      }
    });
  }
  return out.sort((a, b) => a.page - b.page || a.index - b.index);
}
