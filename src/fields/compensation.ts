import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { sentenceBounds } from './shared/dates.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { findMoney, type MoneyMention } from './shared/money.js';

type Per = 'hour' | 'week' | 'biweekly' | 'semimonthly' | 'month' | 'year' | 'total';

const FIX = 'Please state the pay (for example "$25.00 per hour"), or state plainly that the position is unpaid.';

// Checked in this order: "bi-weekly" before "weekly", "semi-monthly" before "monthly".
// "bi-w..kly" also takes a bi-weekly whose "ee" a fax or photo smudged ("bi-wgekly"): no other word has that shape.
const PERIODS: [Per, RegExp][] = [
  ['biweekly', /\b(?:bi-?w[a-z]{2}kly|every\s+(?:two|2|other)\s+weeks|per\s+(?:two|2)[- ]week(?:\s+pay)?\s+period|fortnightly)\b/i],
  ['semimonthly', /\b(?:semi-?monthly|twice\s+(?:a|per|each)\s+month|twice\s+monthly|(?:on\s+the\s+)?15th\s+and\s+(?:the\s+)?last)\b/i],
  ['hour', /(?:^\s*(?:\/|per\s+|an\s+|a\s+|each\s+)\s*(?:hour|hr)\b|\bhourly\b|^\s*\/\s*h\b|^\s*p\/?h\b|\bper\s+hour\b|\ban\s+hour\b)/i],
  ['week', /(?:\b(?:per|a|each)\s+week\b|^\s*\/\s*(?:wk|week)\b|\bweekly\b)/i],
  ['month', /(?:\b(?:per|a|each)\s+month\b|^\s*\/\s*mo(?:nth)?\b|\bmonthly\b)/i],
  ['year', /(?:\b(?:per|a|each)\s+year\b|^\s*\/\s*(?:yr|year)\b|\bannual(?:ly|ized)?\b|\bper\s+annum\b|\byearly\b|\bp\.?a\.?\b)/i],
  ['total', /\b(?:for\s+the\s+(?:entire\s+|full\s+|whole\s+)?(?:internship|co-?op|summer|program|programme|term|assignment|period|duration|engagement|session|semester)|in\s+total|total|lump[- ]sum|one-time|flat)\b/i],
];

// "an hourly rate of", "Annual base salary:", "a monthly stipend of", "bi-weekly pay of": the period named before the sum.
const PERIOD_BEFORE =
  /\b(hourly|bi-?weekly|semi-?monthly|weekly|monthly|annual(?:ized)?|yearly|per\s+hour|per\s+month|per\s+year|per\s+annum)\b(?:\s+(?:base|gross|starting|pay|wage|salary|rate|stipend|compensation|amount|of|is|will|be|at|a|an|the|:|\(|\)|-|–|\|))*\s*[:|-]?\s*$/i;

function periodWord(word: string): Per {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'hourly' || w === 'per hour') return 'hour';
  if (w.startsWith('bi')) return 'biweekly';
  if (w.startsWith('semi')) return 'semimonthly';
  if (w === 'weekly') return 'week';
  if (w === 'monthly' || w === 'per month') return 'month';
  return 'year';
}

// Money that is not the wage: bonuses, allowances, reimbursements and the company's own figures.
const NOT_WAGE =
  /\b(?:relocation|relocat\w+|housing|lodging|accommodation|rent|sign(?:ing|-on| on)\s+bonus|bonus(?:es)?|allowance|reimburs\w*|equipment|travel|parking|transit|transportation|commut\w*|meals?|per diem|tuition|401\s*\(?k\)?|gym|wellness|phone|laptop|moving|gift|referral|award|insurance|deductible|premium|revenue|funding|raised|valuation|million|billion|fees?|deposit|penalty|repay\w*|expenses?|overtime|learning|education|home office|stock|equity|rsus?)\b/gi;
const WAGE =
  /\b(?:pay(?:s|ing|ments?)?|paid|wages?|salary|salaried|compensat\w*|rate|earn(?:s|ing)?|stipends?|hourly|remunerat\w*|base|gross|income)\b/gi;
const UNPAID =
  /\b(?:(?:compensation|pay|salary|stipend|wages?|remuneration)\s*[:|\t=-]+\s*(?:none|unpaid|no\s+pay|not\s+paid)\b|(?:is|will\s+be|be|an?|this|as\s+an?)\s+unpaid(?!\s+(?:leave|time|break|lunch|meal|holiday|day|absence))|unpaid\s+(?:internship|position|role|co-?op|opportunity|placement|program|basis)|non-?paid\s+(?:internship|position)|without\s+(?:monetary\s+|financial\s+)?(?:pay|compensation|remuneration)|no\s+(?:monetary\s+|financial\s+)?(?:compensation|pay|salary|wages?|remuneration|stipend)\s+(?:will|is|shall|for|with|associated)|there\s+is\s+no\s+(?:monetary\s+|financial\s+)?(?:compensation|pay|salary|stipend)|uncompensated|not\s+(?:be\s+)?(?:paid|compensated)|(?:will|would|shall)\s+not\s+(?:receive|be\s+eligible\s+for)\s+(?:any\s+)?(?:monetary\s+|financial\s+)?(?:compensation|pay|payment|salary|wages?|stipend|remuneration)|volunteer\s+(?:basis|position|capacity)|(?:for|in\s+exchange\s+for)\s+academic\s+credit\s+only|in\s+lieu\s+of\s+(?:pay|compensation|a\s+salary))/i;

interface Reading {
  amount: number;
  amountMax: number | null;
  currency: string;
  per: Per;
  page: number;
  quote: string;
  index: number;
  score: number;
  note: string;
  housingOrBonus: boolean;
}

function lastMatch(re: RegExp, text: string): RegExpMatchArray | null {
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(re)) last = m;
  return last;
}

function readingsOn(page: { number: number; text: string }): { readings: Reading[]; skipped: string[] } {
  const text = page.text;
  const money = findMoney(text);
  const readings: Reading[] = [];
  const skipped: string[] = [];
  money.forEach((m: MoneyMention, i) => {
    const [s, e] = sentenceBounds(text, m.index);
    const prevEnd = i > 0 ? money[i - 1].end : 0;
    const beforeFrom = Math.max(s, prevEnd, m.index - 80);
    const before = text.slice(beforeFrom, m.index);
    // After the sum, up to where another thing starts being talked about.
    const nextStart = money[i + 1]?.index ?? text.length;
    const afterFull = text.slice(m.end, Math.min(e, nextStart, m.end + 60));
    // A new row of a list or table ("\nRelocation assistance: ...") is another subject too.
    const after = afterFull.split(/[;(]|,\s|\.\s|\.$|\s(?:plus|and|in addition|as well as|which|with)\s|\n\s*\n|\n(?=\s*[•*–-]?\s*[A-Z][A-Za-z ()/'-]{0,40}[:|\t])/i)[0];

    // The period: right after the sum ("$32.50/hr", "$1,200 bi-weekly"), else in the words before it ("an hourly rate of").
    // The period: right after the sum ("$32.50/hr"), else named before it ("an hourly rate of"),
    // else further after it ("$22.00, paid bi-weekly" is how often, so it ranks last).
    let per: Per | null = null;
    let periodText = '';
    let laterPer: Per | null = null;
    let laterText = '';
    for (const [p, re] of PERIODS) {
      const hit = re.exec(after);
      if (!hit) continue;
      if (/^\s*(?:USD|dollars|gross|\(gross\)|before taxes|pre-tax)?\s*$/i.test(after.slice(0, hit.index))) {
        per = p;
        periodText = after.slice(0, hit.index + hit[0].length);
        break;
      }
      if (!laterPer) {
        laterPer = p;
        laterText = after.slice(0, hit.index + hit[0].length);
      }
    }
    let quoteFrom = m.index;
    if (!per) {
      const hit = PERIOD_BEFORE.exec(before);
      if (hit) {
        per = periodWord(hit[1]);
        quoteFrom = beforeFrom + hit.index;
      }
    }
    if (!per && laterPer) {
      per = laterPer;
      periodText = laterText;
    }

    const notWageBefore = lastMatch(NOT_WAGE, before);
    const wageBefore = lastMatch(WAGE, before);
    const notWageAfter = NOT_WAGE.exec(after);
    NOT_WAGE.lastIndex = 0;
    const notWageEnd = notWageBefore ? notWageBefore.index! + notWageBefore[0].length : -1;
    const wageStart = wageBefore ? wageBefore.index! : -1;
    const wageEnd = wageBefore ? wageBefore.index! + wageBefore[0].length : -1;
    // "housing stipend", "travel stipend": the word before the stipend says what it is for.
    const qualifiedStipend = wageBefore !== null && /^stipends?$/i.test(wageBefore[0]) && notWageEnd >= 0 && notWageEnd <= wageStart && wageStart - notWageEnd <= 3;
    const excludedBy = notWageAfter ? notWageAfter[0] : notWageEnd > wageEnd || qualifiedStipend ? notWageBefore![0] : null;
    const housingOrBonus = Boolean(excludedBy);
    if (excludedBy && !(qualifiedStipend || /^\s*stipend/i.test(after))) {
      skipped.push(`rejected "${m.text}": ${excludedBy.toLowerCase()} money, not the wage`);
      return;
    }
    if (wageBefore && !housingOrBonus && before.length - wageStart <= 30) quoteFrom = Math.min(quoteFrom, beforeFrom + wageStart);

    let score = 0;
    const notes: string[] = [];
    if (wageBefore && !housingOrBonus) {
      score += 2;
      notes.push(`cue "${wageBefore[0]}"`);
    }
    if (per) {
      score += 2;
      notes.push(`period "${per}"`);
    }
    if (/\bstipend/i.test(before) && !per) {
      per = 'total';
      notes.push('a stipend with no period: the total');
    }
    if (!per) {
      // A sum with no period: an hourly figure or a one-off total by its size; said so in the trace.
      per = m.amount <= 200 ? 'hour' : m.amount >= 20000 ? 'year' : 'total';
      notes.push(`no period stated; read as ${per} by its size`);
      score -= 1;
    }
    if (score <= 0 && !wageBefore) {
      skipped.push(`ignored "${m.text}": nothing says it is pay`);
      return;
    }
    const quoteEnd = m.end + periodText.length;
    readings.push({
      amount: m.amount,
      amountMax: m.amountMax,
      currency: m.currency,
      per,
      page: page.number,
      quote: text.slice(quoteFrom, quoteEnd).trim(),
      index: m.index,
      score: housingOrBonus ? score - 3 : score,
      note: notes.join(', '),
      housingOrBonus,
    });
  });
  return { readings, skipped };
}

/** The pay the letter offers: amount (or range), currency and period; or an explicit "unpaid". */
export function extractCompensation(letter: Letter): FoundElement<'compensation'> {
  return withPlacedEvidence(letter, findCompensation(letter));
}

function findCompensation(letter: Letter): FoundElement<'compensation'> {
  const readings: Reading[] = [];
  const trace: string[] = [];
  for (const page of letter.pages) {
    const r = readingsOn(page);
    readings.push(...r.readings);
    trace.push(...r.skipped);
  }
  let unpaid: { page: number; quote: string } | null = null;
  for (const page of letter.pages) {
    const m = UNPAID.exec(page.text);
    if (m) {
      const [s, e] = sentenceBounds(page.text, m.index);
      unpaid = { page: page.number, quote: page.text.slice(s, e).trim() };
      break;
    }
  }
  readings.sort((a, b) => b.score - a.score || a.page - b.page || a.index - b.index);
  const best = readings[0];
  // An explicit "unpaid" outranks a one-off or housing stipend, not a stated wage with a period.
  const wageWithPeriod = best && !best.housingOrBonus && best.per !== 'total' && best.score >= 2;
  if (unpaid && !wageWithPeriod) {
    if (best) trace.unshift(`"${best.quote}" set aside: the letter states the position is unpaid`);
    return present<'compensation'>({ amount: null, amountMax: null, currency: 'USD', per: 'unpaid' }, [unpaid], 0.9, ['explicit statement that the position is unpaid', ...trace]);
  }
  if (!best) return missing<'compensation'>(FIX, ['no wage, salary or stipend found and no statement that the position is unpaid', ...trace]);
  const others = readings.slice(1).filter((r) => r.amount !== best.amount || r.per !== best.per);
  const head = `${best.quote} -> ${best.amount}${best.amountMax !== null ? `-${best.amountMax}` : ''} ${best.currency} per ${best.per} (${best.note})`;
  if (best.housingOrBonus) trace.unshift('no wage found; the only sum is a stipend for housing or similar');
  for (const o of others) trace.push(`also mentions "${o.quote}" (${o.note})`);
  const confidence = best.housingOrBonus ? 0.5 : best.score >= 4 ? 0.95 : best.score >= 2 ? 0.85 : 0.6;
  return present<'compensation'>(
    { amount: best.amount, amountMax: best.amountMax, currency: best.currency, per: best.per },
    [{ page: best.page, quote: best.quote }],
    confidence,
    [head, ...trace],
  );
}
