/** A sum of money written in the letter, possibly a range ("$25-$30"). Offsets are in the page text. */
export interface MoneyMention {
  index: number;
  end: number;
  text: string;
  amount: number;
  amountMax: number | null;
  currency: string;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD', us$: 'USD', usd: 'USD', 'us dollars': 'USD', dollars: 'USD', dollar: 'USD',
  c$: 'CAD', ca$: 'CAD', cad: 'CAD', '€': 'EUR', eur: 'EUR', euros: 'EUR', '£': 'GBP', gbp: 'GBP',
};

const AMOUNT = '(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?(?:\\s*([kK])\\b)?';
const PREFIX = '(US\\$|C\\$|CA\\$|USD|CAD|EUR|GBP|\\$|€|£)\\s?';
const SUFFIX = '\\s*(USD|CAD|EUR|GBP|US dollars|dollars|euros)\\b';
// "$25-$30", "$25 - 30", "$25 to $30", "$80,000–$90,000"
const RANGE_TAIL = `(?:(?:\\s*(?:-|–|—|to)\\s*|\\s+and\\s+(?=US\\$|C\\$|CA\\$|\\$|€|£))(?:US\\$|C\\$|CA\\$|\\$|€|£)?\\s?${AMOUNT})?`;
const MONEY = new RegExp(`(?<![\\w$])(?:${PREFIX}${AMOUNT}${RANGE_TAIL}(?:${SUFFIX})?|${AMOUNT}${RANGE_TAIL}${SUFFIX})`, 'gi');

function toNumber(whole: string | undefined, cents: string | undefined, k: string | undefined): number | null {
  if (!whole) return null;
  const n = Number(whole.replace(/,/g, '')) + (cents ? Number(`0.${cents}`) : 0);
  // A run of hundreds of digits is not pay: Infinity would break the report's schema.
  if (!Number.isFinite(n * 1000)) return null;
  return k ? n * 1000 : n;
}

/** Every sum of money on a page: "$32.50", "$1,200", "$85K", "USD 5,000", "25 dollars", ranges "$25-$30". */
export function findMoney(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const m of text.matchAll(MONEY)) {
    // Groups: 1 prefix, 2-4 amount, 5-7 range end, 8 suffix | 9-11 amount, 12-14 range end, 15 suffix
    const prefixed = m[1] !== undefined;
    const symbol = (prefixed ? m[1] : m[15]) ?? m[8] ?? '$';
    const amount = prefixed ? toNumber(m[2], m[3], m[4]) : toNumber(m[9], m[10], m[11]);
    let amountMax = prefixed ? toNumber(m[5], m[6], m[7]) : toNumber(m[12], m[13], m[14]);
    if (amount === null) continue;
    const low = fixK(amount, amountMax, m, prefixed);
    let textOf = m[0].replace(/\s+$/, '');
    if (amountMax !== null && amountMax <= low) {
      // Not a range after all ("$500 to 10 people"): keep the first sum only.
      amountMax = null;
      textOf = new RegExp(`^(?:${PREFIX}${AMOUNT}(?:${SUFFIX})?|${AMOUNT}${SUFFIX})`, 'i').exec(m[0])?.[0] ?? textOf;
    }
    const currency = SYMBOLS[symbol.toLowerCase()] ?? 'USD';
    out.push({ index: m.index!, end: m.index! + textOf.length, text: textOf, amount: low, amountMax, currency });
  }
  return out;
}

function fixK(amount: number, amountMax: number | null, m: RegExpMatchArray, prefixed: boolean): number {
  const kOnEnd = prefixed ? m[7] : m[14];
  const kOnStart = prefixed ? m[4] : m[11];
  // "$85-90K" means 85,000 to 90,000.
  if (amountMax !== null && kOnEnd && !kOnStart && amount < 1000) return amount * 1000;
  return amount;
}
