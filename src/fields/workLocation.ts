import { layoutOf } from './layout/layoutView.js';
import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { findAddresses, type AddressMention } from './shared/address.js';
import { isUsCity } from './shared/addressCities.js';
import { sentenceBounds } from './shared/dates.js';
import { locateLetterDate } from './shared/datesOfLetter.js';
import { zonedLines, type ZonedLine } from './shared/datesZones.js';
import { invalid, missing, present, type FoundElement } from './shared/foundElement.js';
import { STATE_PATTERN, stateCode } from './shared/usStates.js';

type Value = NonNullable<FoundElement<'work_location'>['value']>;
type Mode = Value['mode'];

const FIX = 'Please state where the work is done: the complete work address (street, city, state, ZIP), or that the position is remote and from which state.';

const WORK_CUE =
  /(?:work(?:ing)?\s+location|work\s*-?\s*site|job\s+(?:site|location)|location\s+of\s+(?:work|employment|the\s+(?:internship|position|co-?op))|place\s+of\s+(?:work|employment|performance)|office\s+location|work\s+address|(?:internship|co-?op|position|employment|assignment)\s+location|\blocation\b|located\s+(?:at|in)|report(?:ing)?\s+(?:to|at)|based\s+(?:at|in|out\s+of)|work(?:ing)?\s+(?:at|from|in|out\s+of)|(?:on-?site|in-?person|in\s+person)\s+at|takes?\s+place\s+at|(?:performed|held|conducted|done)\s+at|assigned\s+to|stationed\s+at|(?:office|offices|headquarters|campus|facility|site|plant|lab|laboratory|studio|branch|building|premises)\s+(?:at|in|located|on)|(?:our|the)\s+(?:[A-Z][\w-]*\s+){1,3}(?:office|campus|facility|site|branch)\s*,|address\s*[:|])/gi;
const MAIL_CUE =
  /(?:mail(?:ing|ed)?|remit|send|return(?:ed)?|correspondence|billing|home\s+address|your\s+address|reside|residence|ship(?:ped)?\s+to|deliver(?:ed)?\s+to|c\/o)/gi;
const OFFICE_REFERENCE =
  /\b(?:(?:at|in|from|to)\s+(?:our|the\s+company'?s?)\s+(?:[A-Z][\w-]*\s+){0,3}(?:office|offices|headquarters|HQ|campus|facility|facilities|site|plant|lab|laboratory|studio|branch|location|premises)|on-?site|in-?office|in\s+person|in-?person)\b/i;
const REMOTE =
  /\b(?:fully\s+remote|100\s*%\s+remote|entirely\s+remote|completely\s+remote|remote(?:ly)?\s+(?:position|role|internship|co-?op|basis|work|job|opportunity|arrangement|from|within|in)|work(?:ing)?\s+remotely|(?:will|to)\s+be\s+(?:performed\s+)?remote(?:ly)?|is\s+(?:a\s+)?remote|work[- ]from[- ]home|work\s+from\s+(?:your\s+)?home|tele-?work(?:ing)?|tele-?commut\w*|virtual\s+(?:internship|position|role)|(?:location|work\s+location|worksite|work\s+site)\s*[:|\t-]+\s*(?:fully\s+)?remote)\b/i;
const NOT_REMOTE = /\b(?:not\s+(?:a\s+|be\s+|eligible\s+for\s+)?(?:fully\s+)?remote|no\s+remote|remote\s+work\s+is\s+not|not\s+(?:be\s+)?(?:permitted|allowed|available|possible|an\s+option)|cannot\s+be\s+(?:performed\s+)?remote|on-?site\s+only|in-?person\s+only)\b/i;
// A label "Work location: Remote" is as definite as "fully remote".
// "may occasionally work from home" is not; with an office address it makes the job hybrid.
const FULLY_REMOTE =
  /\b(?:fully|100\s*%|entirely|completely)\s+remote\b|\bwork[- ]from[- ]home\s+(?:position|role|internship|co-?op|basis)\b|\bwill\s+(?:be\s+)?work(?:ing)?\s+(?:remotely|from\s+(?:your\s+)?home)\b|\blocation\s*[:|\t-]+\s*remote\b/i;
// "hybrid" about the work, not a "Hybrid Powertrain Intern".
const HYBRID =
  /\b(?:hybrid\s+(?:role|position|schedule|work|arrangement|model|basis|internship|co-?op|setup|format)|(?:is|be|remain)\s+hybrid|(?:location|schedule|arrangement|mode|site)\s*[:|\t-]*\s*hybrid|(?<=\()hybrid|hybrid\s*[:(,;-]|(?:one|two|three|four|\d)\s+days?\s+(?:per|a|each)\s+week\s+(?:in|at)\s+(?:the|our)\s+(?:office|site)|split\s+between\s+(?:home|remote)|partially\s+remote|partly\s+remote|combination\s+of\s+(?:remote|in-?office|on-?site|in-?person))\b/i;
const LETTERHEAD_LINE = /\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|www\.|https?:|\.com\b|\.org\b|\.edu\b|@|\b(?:Tel|Phone|Fax)\b/i;

type Source = 'cued' | 'body' | 'letterhead';

interface Placed {
  address: AddressMention;
  role: 'letterhead' | 'recipient' | 'body' | 'closing';
  cue: 'work' | 'mail' | null;
  cueText: string | null;
}

function lastMatch(re: RegExp, text: string): RegExpMatchArray | null {
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(re)) last = m;
  return last;
}

function place(letter: Letter, addresses: readonly AddressMention[], lines: readonly ZonedLine[]): Placed[] {
  const dateline = locateLetterDate(letter);
  const text = new Map(letter.pages.map((p) => [p.number, p.text]));
  const firstTopOnPage = new Map<number, AddressMention>();
  return addresses.map((a) => {
    const pageText = text.get(a.page) ?? '';
    const pageLines = lines.filter((l) => l.page === a.page);
    const first = pageLines.findIndex((l) => l.end >= a.index);
    const last = Math.max(first, pageLines.findIndex((l) => l.end >= a.end));
    const zone = pageLines[first]?.zone ?? 'body';
    const near = pageLines.slice(Math.max(0, first - 1), last + 2).map((l) => l.text);
    const onLastLines = first >= 0 && last >= pageLines.length - 3;
    let role: Placed['role'] = 'body';
    if (zone === 'top') {
      const beforeDateline = dateline?.mention && dateline.mention.page === a.page ? a.index < dateline.mention.index : null;
      if (beforeDateline === true) role = 'letterhead';
      else if (beforeDateline === false) role = 'recipient';
      else if (!firstTopOnPage.has(a.page)) role = 'letterhead';
      else role = 'recipient';
      if (!firstTopOnPage.has(a.page)) firstTopOnPage.set(a.page, a);
    } else if (zone === 'closing') role = 'closing';
    else if (near.some((t) => LETTERHEAD_LINE.test(t)) || (pageLines.length > 10 && onLastLines)) role = 'letterhead';

    // The cue: the closest work or mail phrase before the address, in its sentence or on the label line above.
    // A sentence or blank line ends the context, unless what precedes it introduces the address
    // with a colon ("You will report to the following address:").
    const from = Math.max(0, a.index - 120);
    let start = Math.max(from, sentenceBounds(pageText, a.index)[0]);
    const colon = /:\s*$/.exec(pageText.slice(from, start));
    if (colon) start = Math.max(from, sentenceBounds(pageText, from + colon.index)[0]);
    const before = pageText.slice(start, a.index);
    const work = lastMatch(WORK_CUE, before);
    const mail = lastMatch(MAIL_CUE, before);
    const workEnd = work ? work.index! + work[0].length : -1;
    const mailEnd = mail ? mail.index! + mail[0].length : -1;
    let cue: Placed['cue'] = null;
    let cueText: string | null = null;
    if (work && workEnd >= mailEnd && before.length - workEnd <= 80) [cue, cueText] = ['work', work[0]];
    else if (mail && before.length - mailEnd <= 80) [cue, cueText] = ['mail', mail[0]];
    return { address: a, role, cue, cueText };
  });
}

function valueOf(a: AddressMention, mode: Mode): Value {
  return { mode, street: a.street ?? a.poBox, city: a.city, state: a.state, zip: a.zip };
}

/** "88 Beacon St." and "88 Beacon Street, Suite 2" compare equal: number and first name word. */
function streetKey(street: string): string {
  const m = /^(\S+)\s+(?:(?:N|S|E|W)\.?\s+)?(\S+)/.exec(street.toLowerCase());
  return m ? `${m[1]} ${m[2].replace(/[.,]/g, '')}` : street.toLowerCase();
}

function missingParts(a: AddressMention): string[] {
  const parts: string[] = [];
  if (!a.street) parts.push('street address');
  if (!a.city) parts.push('city');
  if (!a.state) parts.push('state');
  if (!a.zip) parts.push('ZIP code');
  return parts;
}

/** "at our Seattle office" -> "Seattle"; null when no place is named. */
function namedPlace(reference: string): string | null {
  const m = /(?:our|company'?s?)\s+((?:[A-Z][\w-]*\s+){1,3})(?:office|offices|campus|facility|facilities|site|plant|lab|laboratory|studio|branch|location|premises)/.exec(reference);
  return m ? m[1].trim() : null;
}

function statesIn(sentence: string): string[] {
  const named = new RegExp(`(?:^|[^A-Za-z])(${STATE_PATTERN})(?![A-Za-z])`, 'g');
  const codes: string[] = [];
  for (const m of sentence.matchAll(named)) {
    const written = m[1];
    // Two-letter codes only where a code is written: ", TX", "(TX)", "- TX", "from TX", "in TX".
    if (/^[A-Z]\.?[A-Z]\.?$/.test(written)) {
      const lead = sentence.slice(Math.max(0, m.index! - 6), m.index! + m[0].indexOf(written));
      if (!/(?:,\s*|\(\s*|[-–]\s*|\bfrom\s+|\bin\s+|\bof\s+)$/.test(lead)) continue;
    }
    // The state of a postal address ("San Francisco, CA 94105") is where the office is, not where the remote worker is.
    if (/^\.?,?\s*\d{5}/.test(sentence.slice(m.index! + m[0].length))) continue;
    const code = stateCode(written);
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The state a remote worker works from: named in the remote sentence, or in the next one when it is about residence. */
// The labels a letter gives the place of work under, in a table row or before a colon.
const LOCATION_LABEL =
  /^(?:(?:work(?:ing)?|job|internship|co-?op|position|office|employment|duty)\s+)?(?:location|site|address|station|place(?:\s+of\s+(?:work|employment))?)$|^(?:work\s*-?\s*site|worksite|place\s+of\s+(?:work|employment|performance))$/iu;
const REMOTE_VALUE = /^(?:fully\s+|100\s*%\s+|entirely\s+)?(?:remote(?:ly)?|virtual|work(?:ing)?\s+from\s+home|tele-?work(?:ing)?)\b/iu;

/**
 * "Work location | Remote", "Office Address: Remote (from the student's residence in Washington)":
 * a location label whose value is remote, as definite as "fully remote". The span runs from the
 * label to the end of the value, so the state named in it is the remote state.
 */
function remoteByLabel(letter: Letter): { page: number; quote: string; text: string; start: number; end: number; fully: boolean } | null {
  const view = layoutOf(letter);
  for (const pair of view.labelled()) {
    const label = pair.label.text.trim().replace(/[\s:|-]+$/u, '');
    if (!LOCATION_LABEL.test(label) || !REMOTE_VALUE.test(pair.value.text.trim()) || NOT_REMOTE.test(pair.value.text)) continue;
    const page = letter.pages.find((p) => p.number === pair.label.span.page);
    if (!page) continue;
    const span = { page: page.number, start: pair.label.span.start, end: pair.value.span.end };
    return { page: page.number, quote: view.textAt(span).trim(), text: page.text, start: span.start, end: span.end, fully: true };
  }
  return null;
}

function remoteState(pageText: string, sentenceStart: number, sentenceEnd: number): { state: string | null; note: string } {
  let codes = statesIn(pageText.slice(sentenceStart, sentenceEnd));
  if (codes.length === 0) {
    const [, nextEnd] = sentenceBounds(pageText, Math.min(pageText.length - 1, sentenceEnd + 2));
    const next = pageText.slice(sentenceEnd, nextEnd);
    if (/\b(?:resid\w*|live|living|located|based|states?|from)\b/i.test(next)) codes = statesIn(next);
  }
  if (codes.length === 1) return { state: codes[0], note: `state ${codes[0]}` };
  if (codes.length > 1) return { state: null, note: `several states named (${codes.join(', ')}), so no single state` };
  return { state: null, note: 'no state given' };
}

/** Where the work is done: a street address (onsite or hybrid), or remote (with the state when the letter gives one). */
export function extractWorkLocation(letter: Letter): FoundElement<'work_location'> {
  return withPlacedEvidence(letter, findWorkLocation(letter));
}

function findWorkLocation(letter: Letter): FoundElement<'work_location'> {
  const lines = zonedLines(letter);
  const placed = place(letter, findAddresses(letter), lines);
  const trace: string[] = [];

  let remote: { page: number; quote: string; text: string; start: number; end: number; fully: boolean } | null = remoteByLabel(letter);
  let hybrid: { page: number; quote: string } | null = null;
  let officeReference: { page: number; quote: string } | null = null;
  for (const page of letter.pages) {
    for (const re of [REMOTE, HYBRID, OFFICE_REFERENCE]) {
      const global = new RegExp(re.source, 'gi');
      for (const m of page.text.matchAll(global)) {
        const [s, e] = sentenceBounds(page.text, m.index!);
        const sentence = page.text.slice(s, e);
        if (re === REMOTE) {
          if (NOT_REMOTE.test(sentence)) {
            trace.push(`"${sentence.trim()}" says the work is not remote`);
            continue;
          }
          remote ??= { page: page.number, quote: sentence.trim(), text: page.text, start: s, end: e, fully: FULLY_REMOTE.test(sentence) };
        } else if (re === HYBRID) hybrid ??= { page: page.number, quote: m[0] };
        else officeReference ??= { page: page.number, quote: m[0] };
      }
    }
  }

  for (const p of placed) {
    if (p.role === 'recipient') trace.push(`rejected "${p.address.text.replace(/\s+/g, ' ')}": the addressee's address`);
    else if (p.cue === 'mail') trace.push(`rejected "${p.address.text.replace(/\s+/g, ' ')}": a mailing address (cue "${p.cueText}")`);
  }
  const usable = placed.filter((p) => p.role !== 'recipient' && p.cue !== 'mail');
  const cued = usable.find((p) => p.cue === 'work' && p.role !== 'letterhead') ?? usable.find((p) => p.cue === 'work');
  const body = usable.find((p) => p.role === 'body');
  const letterhead = usable.find((p) => p.role === 'letterhead' || p.role === 'closing');

  let chosen: { p: Placed; source: Source } | null = null;
  if (cued) chosen = { p: cued, source: 'cued' };
  else if (!remote && body) chosen = { p: body, source: 'body' };
  else if (!remote && letterhead && (officeReference || hybrid)) {
    // "at our Seattle office" with a Boston letterhead: the letterhead is not that office.
    // Only a place that is a city counts ("our Seattle office", not "our Pediatric Genomics lab").
    const place0 = officeReference ? namedPlace(officeReference.quote) : null;
    const named = place0 && isUsCity(place0) ? place0 : null;
    if (named && letterhead.address.city && !named.toLowerCase().includes(letterhead.address.city.toLowerCase())) {
      trace.push(`the letter names the "${named}" office, but the letterhead address is in ${letterhead.address.city}`);
      return missing<'work_location'>(`The letter says the work is at the ${named} office but gives no address for it; please give the complete work address (street, city, state, ZIP).`, trace);
    }
    chosen = { p: letterhead, source: 'letterhead' };
  }

  // Remote unless a work address is also given and the letter does not say "fully remote" (then it is hybrid).
  if (remote && (!chosen || remote.fully)) {
    const { state, note } = remoteState(remote.text, remote.start, remote.end);
    if (chosen) trace.push(`address "${chosen.p.address.text.replace(/\s+/g, ' ')}" set aside: the letter says the work is fully remote`);
    trace.unshift(`remote: "${remote.quote}", ${note}`);
    const span = { page: remote.page, start: remote.start, end: remote.end };
    return present<'work_location'>({ mode: 'remote', street: null, city: null, state, zip: null }, [{ page: remote.page, quote: remote.quote, span }], 0.9, trace);
  }

  if (!chosen) {
    if (hybrid) return invalid<'work_location'>({ mode: 'hybrid', street: null, city: null, state: null, zip: null }, [hybrid], 'The letter says the position is hybrid but gives no office address; please give the complete address of the office (street, city, state, ZIP).', ['hybrid, but no office address found', ...trace]);
    if (letterhead) trace.push(`only the letterhead address "${letterhead.address.text.replace(/\s+/g, ' ')}" is given, and the letter does not say the work is done there`);
    return missing<'work_location'>(FIX, ['no work address and no remote statement found', ...trace]);
  }

  let a = chosen.p.address;
  // "our studio at 88 Beacon Street" with the full "88 Beacon Street, Boston, MA 02108" in the letterhead: the same place, completed.
  if (a.street && missingParts(a).length) {
    const key = streetKey(a.street);
    const full = placed.find((p) => p.role !== 'recipient' && p.address.street && streetKey(p.address.street) === key && missingParts(p.address).length === 0);
    if (full) {
      trace.push(`completed from "${full.address.text.replace(/\s+/g, ' ')}", the same street written in full`);
      a = full.address;
    }
  }
  const mode: Mode = hybrid || remote ? 'hybrid' : 'onsite';
  const how =
    chosen.source === 'cued'
      ? `work address after "${chosen.p.cueText}"`
      : chosen.source === 'body'
        ? 'the only address in the body of the letter'
        : `the letterhead address, since the letter says the work is done "${(officeReference ?? hybrid)!.quote}"`;
  trace.unshift(`${mode}: ${how}`);
  if (mode === 'hybrid') trace.push(`hybrid: "${(hybrid ?? remote)!.quote}"`);
  const evidence = [{ page: a.page, quote: a.text }];
  const value = valueOf(a, mode);
  if (a.poBox && !a.street) {
    return invalid<'work_location'>(value, evidence, `A PO Box ("${a.poBox}") cannot be the work site; please give the street address where the work is done.`, [...trace, 'the address is a PO Box']);
  }
  const lacking = missingParts(a);
  if (lacking.length) {
    const list = lacking.length === 1 ? lacking[0] : `${lacking.slice(0, -1).join(', ')} and ${lacking[lacking.length - 1]}`;
    return invalid<'work_location'>(value, evidence, `The work address lacks the ${list}; please give the complete work address (street, city, state, ZIP).`, [...trace, `missing: ${lacking.join(', ')}`]);
  }
  const confidence = chosen.source === 'cued' ? 0.92 : chosen.source === 'body' ? 0.75 : 0.65;
  return present<'work_location'>(value, evidence, confidence, trace);
}
