import { PO_BOX } from './poBox.js';
import { cityOfZip } from './addressCities.js';
import type { Letter } from '../letter.js';
import { STATE_PATTERN, stateCode } from './usStates.js';
import { perLetter } from './perLetter.js';

/** A postal address (or part of one) written in the letter. Parts the letter leaves out are null. */
export interface AddressMention {
  page: number;
  /** Offsets in the page text, from the first part written to the last. */
  index: number;
  end: number;
  /** Line indexes (0-based, blank lines counted) the address spans. */
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
// Words of a street stay on one line; only its suite or floor may wrap ("Suite\n1700").
const STREET_CORE = `(?:${HOUSE}[ \\t\\r]+(?:${DIRECTION}[ \\t\\r]+)?(?:${NAME_WORD}[ \\t\\r]+){0,4}${SUFFIX}(?:[ \\t\\r]+${DIRECTION}(?![A-Za-z]))?|${HOUSE}[ \\t\\r]+(?:${both(['Broadway'])})|${HOUSE}[ \\t\\r]+(?:State[ \\t\\r]+)?(?:Route|Highway|Hwy|US|County Road)[ \\t\\r]+\\d+[A-Z]?)`;
export const STREET_RE = new RegExp(`(?<![\\w$#.,-])${STREET_CORE}(?:\\s*,?\\s*${UNIT})*(?![A-Za-z0-9])`, 'g');
const PO_BOX_RE = PO_BOX;

/** "WA 98101", "Texas 78701-1234", "OR 97201": a state followed by a ZIP, the surest anchor of an address. */
const STATE_ZIP = new RegExp(`(?<![A-Za-z])(${STATE_PATTERN})\\.?,?(?:[ \\t\\r]+|[ \\t\\r]*\\n[ \\t\\r]*)(\\d{5}(?:[-–](?:[ \\t\\r]*\\n[ \\t\\r]*)?\\d{4})?)(?![\\w-])`, 'g');
/** ", TX" or ", Texas" with no ZIP: "Location: Austin, Texas". */
const COMMA_STATE = new RegExp(`,(?:[ \\t\\r]*|[ \\t\\r]*\\n[ \\t\\r]*)(${STATE_PATTERN})\\.?(?![\\w-])`, 'g');
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
  const trimmed = prefix.slice(-80).replace(/[\s,]+$/, '');
  const m = /((?:[A-Z][A-Za-z.'’-]*|de|du|la|of|d')(?:[ ](?:[A-Z][A-Za-z.'’-]*|de|du|la|of|d'))*)$/.exec(trimmed);
  if (!m) return null;
  const city = cleanCity(m[1]);
  // "California, Oregon, or Washington" is a list of states, not a city and its state.
  if (!city || city.split(' ').length > 4 || (stateCode(city) && !/^(?:New York|Washington)$/.test(city))) return null;
  return { city, start: prefix.length - (prefix.slice(-80).length - (trimmed.length - city.length)) };
}

function citiesOn(line: string): CityState[] {
  const found: CityState[] = [];
  for (const m of line.matchAll(STATE_ZIP)) {
    const state = stateCode(m[1]);
    const c = state ? cityBefore(line.slice(0, m.index)) : null;
    if (!state || !c) continue;
    found.push({ cityStart: c.start, end: m.index! + m[0].length, city: c.city, state, zip: m[2].replace('–', '-').replace(/\s+/g, '') });
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
    // A leading "St." is Saint ("St. Louis"), not Street.
    if ((STREET_TOKENS.test(w) && i > 0) || /\d/.test(w)) cut = i + 1;
  });
  return words.slice(cut).join(' ');
}

// A full stop after a whole word ("Main Street.") ends the sentence; after "St." it is the abbreviation's.
const tidy = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s,|•·;–—-]+|[\s,|•·;–—-]+$/g, '').replace(/([a-z]{4,})\.$/i, '$1');

/** A street block written over lines, as one line: "1200 Harbor Blvd\nSuite 400" -> "1200 Harbor Blvd, Suite 400"; "Suite\n1700" -> "Suite 1700". */
function joinLines(block: string): string {
  return tidy(
    block
      .replace(/(\b(?:Suite|Ste\.?|Floor|Fl\.?|Unit|Room|Rm\.?|Building|Bldg\.?|Apt\.?|Level|#))[ \t\r]*\n\s*/gi, '$1 ')
      .replace(/[ \t\r]*,?[ \t\r]*\n\s*/g, ', '),
  );
}

// Lower-case words are let in here (OCR reads "Industrial" as "industrial"): right before a city and state they are safe.
const LOOSE_STREET = /(?:^|[,:|•·]\s*|\n\s*)((?:\d{1,6}[A-Z]?|One|Two|Three)[ \t]+(?:[A-Za-z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t\r]*,[ \t\r]*\n?[ \t\r]*$/;

// What may separate a street from its city: commas, bullets, line breaks, and suite or floor lines.
// One separator character per step: a nested "+" here backtracks exponentially on long runs of spaces.
const GAP = new RegExp(`^(?:[\\s,;·•|–—-]|${UNIT})*$`);

/** Every address on every page: anchored on "City, ST ZIP" (which may wrap onto the next line), with the street, suite or PO Box written just before it; and streets with no city after them. */
export const findAddresses = perLetter(function findAddresses(letter: Letter): readonly AddressMention[] {
  const out: AddressMention[] = [];
  for (const page of letter.pages) {
    const text = page.text;
    const covered: [number, number][] = [];
    for (const anchor of citiesOn(text)) {
      const { state, city, zip } = anchor;
      const cityAt = anchor.cityStart;
      const endAt = anchor.end;
      // Look back up to four lines for a street or PO Box that ends right where the city begins.
      let regionStart = cityAt;
      for (let k = 0; k < 4 && regionStart > 0; k++) {
        const nl = text.lastIndexOf('\n', regionStart - 2);
        regionStart = nl < 0 ? 0 : nl + 1;
      }
      const region = text.slice(regionStart, cityAt);
      let street: string | null = null;
      let poBox: string | null = null;
      let startAt = cityAt;
      const parts: { kind: 'street' | 'box' | 'looseStreet'; index: number; end: number }[] = [
        ...[...region.matchAll(STREET_RE)].map((m) => ({ kind: 'street' as const, index: m.index!, end: m.index! + m[0].length })),
        ...[...region.matchAll(new RegExp(PO_BOX_RE.source, 'gi'))].map((m) => ({ kind: 'box' as const, index: m.index!, end: m.index! + m[0].length })),
      ].filter((p) => GAP.test(region.slice(p.end)));
      // A street with no usual suffix ("10 Hudson Yards"): a number and capitalised words right before the city.
      if (parts.length === 0) {
        const loose = LOOSE_STREET.exec(region);
        if (loose) parts.push({ kind: 'looseStreet', index: loose.index + loose[0].indexOf(loose[1]), end: loose.index + loose[0].indexOf(loose[1]) + loose[1].length });
      }
      parts.sort((x, y) => x.index - y.index);
      const first = parts[0];
      if (first) {
        startAt = regionStart + first.index;
        const written = tidy(region.slice(first.index));
        if (first.kind === 'box') poBox = written;
        else {
          const joined = joinLines(region.slice(first.index));
          // A lower-case word in a street name is a misreading ("580 industrial Parkway"): the value is capitalised, the quote stays as read.
          street = first.kind === 'street' ? joined : joined.replace(/\b(?!(?:of|the|de|la|del|du)\b)([a-z])(?=[a-z]{2,})/g, (c) => c.toUpperCase());
        }
      }
      // A street with a PO Box beside it ("100 Main St, PO Box 5"): the box is the mailing part.
      if (street && PO_BOX_RE.test(street)) {
        poBox = tidy(PO_BOX_RE.exec(street)![0]);
        street = tidy(street.replace(PO_BOX_RE, '')) || null;
      }
      if (poBox && /[A-Za-z]/.test(poBox.replace(PO_BOX_RE, '')) && !street) {
        // "PO Box 12, 100 Main St" keeps the street too.
        const rest = tidy(poBox.replace(PO_BOX_RE, ''));
        const m = new RegExp(STREET_RE.source).exec(rest);
        if (m) street = tidy(rest.slice(m.index));
        poBox = tidy(PO_BOX_RE.exec(poBox)![0]);
      }
      // Without ZIP or street, "Hello, Virginia" must not pass for an address.
      if (!zip && !street && !poBox && NOT_A_CITY.test(city)) continue;
      covered.push([startAt, endAt]);
      out.push({
        page: page.number,
        index: startAt,
        end: endAt,
        text: text.slice(startAt, endAt),
        street,
        city: cityOfZip(city, state, zip),
        state,
        zip,
        poBox,
      });
    }
    const isCovered = (i: number, e: number) => covered.some(([a, b]) => i < b && a < e);
    // Streets with no city after them: "our office at 100 Main Street" (incomplete, but worth reporting).
    for (const m of text.matchAll(STREET_RE)) {
      const index = m.index!;
      if (isCovered(index, index + m[0].length)) continue;
      const street = tidy(m[0]);
      const written = m[0].startsWith(street) ? street : m[0];
      out.push({ page: page.number, index, end: index + written.length, text: written, street, city: null, state: null, zip: null, poBox: null });
    }
    for (const m of text.matchAll(new RegExp(PO_BOX_RE.source, 'gi'))) {
      const index = m.index!;
      if (/^Box\b/i.test(m[0]) || isCovered(index, index + m[0].length)) continue;
      out.push({ page: page.number, index, end: index + m[0].length, text: m[0], street: null, city: null, state: null, zip: null, poBox: tidy(m[0]) });
    }
  }
  return out.sort((a, b) => a.page - b.page || a.index - b.index);
});
