/** USPS two-letter codes by state, district and territory name. */
export const US_STATES: Record<string, string> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT',
  Delaware: 'DE', 'District of Columbia': 'DC', Florida: 'FL', Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL',
  Indiana: 'IN', Iowa: 'IA', Kansas: 'KS', Kentucky: 'KY', Louisiana: 'LA', Maine: 'ME', Maryland: 'MD',
  Massachusetts: 'MA', Michigan: 'MI', Minnesota: 'MN', Mississippi: 'MS', Missouri: 'MO', Montana: 'MT',
  Nebraska: 'NE', Nevada: 'NV', 'New Hampshire': 'NH', 'New Jersey': 'NJ', 'New Mexico': 'NM', 'New York': 'NY',
  'North Carolina': 'NC', 'North Dakota': 'ND', Ohio: 'OH', Oklahoma: 'OK', Oregon: 'OR', Pennsylvania: 'PA',
  'Rhode Island': 'RI', 'South Carolina': 'SC', 'South Dakota': 'SD', Tennessee: 'TN', Texas: 'TX', Utah: 'UT',
  Vermont: 'VT', Virginia: 'VA', Washington: 'WA', 'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY',
  'Puerto Rico': 'PR', Guam: 'GU', 'U.S. Virgin Islands': 'VI', 'Virgin Islands': 'VI', 'American Samoa': 'AS',
  'Northern Mariana Islands': 'MP',
};

/** Older abbreviations still seen in addresses ("Calif.", "Mass."). */
const TRADITIONAL: Record<string, string> = {
  Ala: 'AL', Ariz: 'AZ', Ark: 'AR', Calif: 'CA', Cal: 'CA', Colo: 'CO', Conn: 'CT', Del: 'DE', Fla: 'FL', Ga: 'GA',
  Ill: 'IL', Ind: 'IN', Kan: 'KS', Kans: 'KS', Ky: 'KY', La: 'LA', Md: 'MD', Mass: 'MA', Mich: 'MI', Minn: 'MN',
  Miss: 'MS', Mo: 'MO', Mont: 'MT', Neb: 'NE', Nebr: 'NE', Nev: 'NV', Okla: 'OK', Ore: 'OR', Oreg: 'OR', Pa: 'PA',
  Penn: 'PA', Tenn: 'TN', Tex: 'TX', Va: 'VA', Vt: 'VT', Wash: 'WA', Wis: 'WI', Wisc: 'WI', Wyo: 'WY',
};

export const US_STATE_CODES = new Set(Object.values(US_STATES));

const BY_LOWER_NAME = new Map(Object.entries(US_STATES).map(([name, code]) => [name.toLowerCase(), code]));

/** The USPS code for a state written as a code, a name or an old abbreviation; null when it is none of these. */
export function stateCode(written: string): string | null {
  const t = written.trim().replace(/\s+/g, ' ');
  if (/^[A-Z]{2}$/.test(t) && US_STATE_CODES.has(t)) return t;
  if (/^[A-Z]\.[A-Z]\.?$/.test(t)) {
    const code = t.replace(/\./g, '');
    if (US_STATE_CODES.has(code)) return code;
  }
  const byName = BY_LOWER_NAME.get(t.toLowerCase());
  if (byName) return byName;
  const trad = TRADITIONAL[t.replace(/\.$/, '')];
  return trad ?? null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source for a state as written in an address: names (longest first), old abbreviations, codes. Case-sensitive. */
export const STATE_PATTERN = [
  ...Object.keys(US_STATES).sort((a, b) => b.length - a.length).map(escape),
  ...Object.keys(TRADITIONAL).sort((a, b) => b.length - a.length).map((a) => `${a}\\.`),
  ...[...US_STATE_CODES].map((c) => `${c}(?![a-z])`),
  ...[...US_STATE_CODES].map((c) => `${c[0]}\\.${c[1]}\\.?`),
].join('|');
