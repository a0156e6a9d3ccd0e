import { layoutOf } from './layout/layoutView.js';
import { evidenceAt, withPlacedEvidence, evidenceIn } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { letterLines, type LetterLine } from './shared/letterLines.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { cleanPersonName, nameWords, readNameAt, sameOrPartOf } from './shared/names.js';
import { isOrgLine } from './shared/orgNames.js';
import { findContactNames, findSignerNames, findSupervisorMentions } from './shared/namesInRoles.js';
import { CITY_STATE_ZIP, EMAIL_ADDRESS, STREET, findGreeting, findGreetings, letterSentences, withoutBullet, type Greeting } from './shared/sections.js';
import type { FoundEvidence } from './shared/foundElement.js';
import { perLetter } from './shared/perLetter.js';
import { betterReading } from './shared/betterReading.js';

const FIX = 'Please address the letter to the student by full name (for example "Dear Priya Raman," or a "To:" line with the full name).';

interface Candidate {
  name: string;
  source: string;
  evidence: FoundEvidence;
  /** Higher is more clearly the addressee. */
  weight: number;
}

/**
 * The labels an addressee's name is given: "To:", "Candidate", "Employee Name" (in a table or before
 * a colon); "Accepted by:" filled in is the student accepting (left blank, it holds no name).
 */
const NAME_LABEL =
  /^(?:to|attn\.?|attention|candidate|student|intern|employee|recipient|name|prepared\s+for|offer\s+to|issued\s+to|(?:accepted|acknowledged|agreed)(?:\s+and\s+(?:accepted|agreed))?\s+by|(?:student|candidate|intern|employee|recipient|full|participant|applicant)(?:'s)?\s+name|participant|applicant)$/iu;
const LABELED = new RegExp(`^(${NAME_LABEL.source.slice(1, -1)})\\s*(?::|\\||\\t)\\s*(.+)$`, 'iu');
const SUBJECT = /^(?:re|subject)\s*:\s*(.+)$/iu;

/** The name in a "To:" value: "Priya Raman <priya@x.edu>", "Ms. Priya Raman", "Raman, Priya". */
function nameInAddressee(value: string): string | null {
  const v = value.replace(/<[^>]*>|\([^)]*@[^)]*\)/g, '').replace(EMAIL_ADDRESS, '').replace(/["“”]/g, '').trim().replace(/[,;]+$/, '');
  if (!v) return null;
  const direct = cleanPersonName(v);
  if (direct) return direct;
  // "Müller, Anna-Lena" (family name first, with a comma): kept as written.
  const inverted = /^([^,]+),\s*([^,]+)$/u.exec(v);
  if (inverted && cleanPersonName(inverted[1]) === inverted[1].trim() && cleanPersonName(inverted[2]) === inverted[2].trim()) return `${inverted[1].trim()}, ${inverted[2].trim()}`;
  const first = v.split(/\s*;\s*/)[0];
  const parsed = readNameAt(first);
  if (!parsed) return null;
  const rest = first.slice(parsed.length).trim();
  // Accept "Priya Raman, Student" style trailers but not sentences.
  return /^(?:,.*)?$/u.test(rest) ? parsed.name : null;
}

function addressBlockCandidates(lines: readonly LetterLine[], greeting: Greeting | null): Candidate[] {
  const firstPage = lines[0]?.page;
  const top = lines.filter((l) => l.page === firstPage);
  const stop = greeting && greeting.line.page === firstPage ? top.indexOf(greeting.line) : Math.min(top.length, 18);
  const out: Candidate[] = [];
  for (let k = 0; k < stop; k++) {
    const text = top[k].text;
    const name = cleanPersonName(text, { minWords: 2 });
    if (!name || isOrgLine(text)) continue;
    const next = top.slice(k + 1, k + 4).map((l) => l.text);
    const addressFollows = next.some((t) => STREET.test(t) || CITY_STATE_ZIP.test(t) || /^(?:apt|unit|#)\s*\w+/i.test(t) || EMAIL_ADDRESS.test(t) || /\b(?:university|college|institute)\b/i.test(t));
    if (!addressFollows) continue;
    out.push({ name, source: 'address block', evidence: { page: top[k].page, quote: top[k].text }, weight: 3 });
  }
  return out;
}

function sentenceCandidates(letter: Letter): Candidate[] {
  const out: Candidate[] = [];
  for (const s of letterSentences(letter)) {
    const patterns: { re: RegExp; source: string; weight: number }[] = [
      { re: /\boffer(?:ing)?\s+you,\s+/iu, source: '"offer you, <name>"', weight: 3 },
      { re: /\b(?:pleased|happy|delighted|excited|thrilled|glad)\s+to\s+(?:extend\s+(?:an\s+offer\s+)?to|offer)\s+(?!you\b)/iu, source: '"pleased to offer <name>"', weight: 3 },
      { re: /\bcongratulations\s*,?\s+(?!on\b|again\b|to\s+you\b)/iu, source: '"Congratulations, <name>"', weight: 2 },
      { re: /\b(?:welcome(?:\s+aboard|\s+to\s+(?:the\s+team|[\p{Lu}][^,.!?]{1,40}))?|thank\s+you)\s*,\s+/iu, source: '"Welcome, <name>"', weight: 1 },
      { re: /\bthis\s+letter\s+(?:confirms|is\s+to\s+confirm)\s+that\s+/iu, source: '"this letter confirms that <name>"', weight: 2 },
    ];
    for (const p of patterns) {
      const m = p.re.exec(s.text);
      if (!m) continue;
      const rest = s.text.slice(m.index + m[0].length).replace(/^(?:to\s+)?/i, '');
      const parsed = readNameAt(rest);
      if (!parsed || isOrgLine(parsed.name)) continue;
      out.push({ name: parsed.name, source: p.source, evidence: evidenceIn(letter, s.span, parsed.name), weight: p.weight });
    }
  }
  return out;
}

function lineCandidates(lines: readonly LetterLine[]): Candidate[] {
  const out: Candidate[] = [];
  for (const line of lines) {
    const labeled = LABELED.exec(withoutBullet(line.text));
    if (labeled) {
      const name = nameInAddressee(labeled[2]);
      if (name && !isOrgLine(name)) out.push({ name, source: `"${line.text.split(/[:|\t]/)[0].trim()}:" line`, evidence: { page: line.page, quote: line.text }, weight: 4 });
      continue;
    }
    const subject = SUBJECT.exec(line.text);
    if (subject) {
      // "Re: Internship Offer – Priya Raman", "Subject: Offer Letter for Priya Raman"
      const m = /(?:\s[-–—:|]\s*|\bfor\s+)([^-–—:|]+)$/u.exec(subject[1]);
      const name = m ? cleanPersonName(m[1], { minWords: 2 }) : null;
      if (name && !isOrgLine(name)) out.push({ name, source: 'subject line', evidence: { page: line.page, quote: line.text }, weight: 2 });
    }
  }
  return out;
}

/** "Employee | Hana Kobayashi" in a terms table, "Candidate: Priya Raman": a name label and its value. */
function pairCandidates(letter: Letter): Candidate[] {
  const out: Candidate[] = [];
  for (const pair of layoutOf(letter).labelled()) {
    if (pair.how === 'colon') continue; // read as a line, with the line's own rules
    const label = withoutBullet(pair.label.text).replace(/[\s:|-]+$/u, '');
    if (!NAME_LABEL.test(label)) continue;
    const name = nameInAddressee(pair.value.text);
    if (!name || isOrgLine(name)) continue;
    const span = { page: pair.label.span.page, start: pair.label.span.start, end: pair.value.span.end };
    out.push({ name, source: `"${label}" label`, evidence: evidenceAt(letter, span), weight: 4 });
  }
  return out;
}

/**
 * A name standing alone at the top of the letter, above its first sentence, where HR print formats
 * put the addressee: "Dmitri Volkonsky," (with the date in another column, or after a comma).
 */
function topNameCandidates(lines: readonly LetterLine[]): Candidate[] {
  const out: Candidate[] = [];
  const firstPage = lines[0]?.page;
  for (const line of lines) {
    if (line.page !== firstPage || line.region === 'envelope') continue;
    if (line.text.length > 110 || /^(?:dear|hello|hi)\b/i.test(line.text)) break;
    if (line.region !== 'body' || line.cell) continue;
    const head = line.text.split(/\s*,\s*(?=[\p{L}][\p{L} ]{0,20}:)/u)[0].replace(/[,;:]+$/u, '').trim();
    const name = cleanPersonName(head, { minWords: 2 });
    if (!name || name !== head || isOrgLine(head)) continue;
    out.push({ name, source: 'addressee line at the top', evidence: { page: line.page, quote: line.text, span: line.span }, weight: 2 });
  }
  return out;
}

/**
 * The addressee's name. Once per letter: the signature detector asks too (a line over the
 * addressee's own name is the student's), and gets the same result findElements reports.
 */
export const extractStudentName = perLetter(function extractStudentName(letter: Letter): FoundElement<'student_name'> {
  const found = findStudentName(letter);
  const better = found.status === 'present' && typeof found.value === 'string' ? betterReading(letter, found.value) : null;
  if (better && found.status === 'present') {
    return withPlacedEvidence(letter, { ...found, value: better, trace: [...found.trace, `OCR read "${found.value}" with little confidence; the same name reads "${better}" elsewhere on the letter, every word sure`] });
  }
  return withPlacedEvidence(letter, found);
});

function findStudentName(letter: Letter): FoundElement<'student_name'> {
  const lines = letterLines(letter);
  const trace: string[] = [];
  const greeting = findGreeting(lines);

  // People named in other roles: never the addressee.
  const others: { name: string; role: string }[] = [
    ...findSignerNames(letter).map((s) => ({ name: s.name, role: 'signer of the letter' })),
    ...findSupervisorMentions(letter).map((s) => ({ name: s.name, role: 'named as the supervisor' })),
    ...findContactNames(letter).map((s) => ({ name: s.name, role: 'named as a contact person' })),
  ];
  const roleOf = (name: string): string | null => {
    const hit = others.find((o) => (nameWords(name).length >= 2 && nameWords(o.name).length >= 2 && sameOrPartOf(name, o.name)) || name === o.name);
    return hit ? hit.role : null;
  };

  const raw: Candidate[] = [...pairCandidates(letter), ...lineCandidates(lines), ...addressBlockCandidates(lines, greeting), ...sentenceCandidates(letter)];
  if (!greeting?.name) raw.push(...topNameCandidates(lines));
  // Later salutations ("Dear Sara Lindqvist," in the letter under a "Hi Sara," email) can complete the first.
  for (const later of findGreetings(lines).slice(1)) {
    if (later.name && nameWords(later.name).length >= 2) raw.push({ name: later.name, source: 'a later greeting', evidence: { page: later.line.page, quote: later.line.text }, weight: 3 });
  }
  const recipient = letter.email?.to[0];
  if (recipient?.name) {
    const name = cleanPersonName(recipient.name.replace(/["“”]/g, '')) ?? nameInAddressee(recipient.name);
    if (name) raw.push({ name, source: 'email To header', evidence: { page: letter.pages[0]?.number ?? 1, quote: recipient.name }, weight: 3 });
  }
  const candidates: Candidate[] = [];
  for (const c of raw) {
    const role = roleOf(c.name);
    if (role) trace.push(`rejected '${c.name}' (${c.source}): ${role}`);
    else candidates.push(c);
  }

  if (greeting?.name) {
    const greeted = greeting.name;
    const quote = greeting.line.text;
    const fuller = candidates
      .filter((c) => sameOrPartOf(c.name, greeted))
      .sort((a, b) => nameWords(b.name).length - nameWords(a.name).length || b.weight - a.weight)[0];
    if (fuller && nameWords(fuller.name).length > nameWords(greeted).length) {
      trace.push(`greeting "${greeting.addressee}" completed by ${fuller.source} "${fuller.name}"`);
      return present<'student_name'>(fuller.name, dedupe([{ page: greeting.line.page, quote }, fuller.evidence]), 0.95, trace);
    }
    const conflicting = candidates.filter((c) => !sameOrPartOf(c.name, greeted) && c.weight >= 3);
    if (conflicting.length > 0) trace.push(`also addressed to '${conflicting[0].name}' (${conflicting[0].source}); the greeting decides`);
    const words = nameWords(greeted).length;
    const value = words === 1 && greeting.honorific ? `${greeting.honorific} ${greeted}` : greeted;
    trace.push(`greeting "${quote}"${words === 1 ? '; only one name given, no fuller form elsewhere' : ''}`);
    return present<'student_name'>(value, [{ page: greeting.line.page, quote }], words >= 2 ? 0.9 : 0.7, trace);
  }
  if (greeting) trace.push(`greeting "${greeting.line.text}" names no person`);

  if (candidates.length === 0) {
    trace.push('no greeting, "To:" line, address block or "offer you, <name>" naming the student');
    return missing<'student_name'>(FIX, trace);
  }
  // Without a greeting: the strongest source, completed by any fuller form of the same person.
  const best = [...candidates].sort((a, b) => b.weight - a.weight)[0];
  const same = candidates.filter((c) => sameOrPartOf(c.name, best.name));
  const fullest = same.sort((a, b) => nameWords(b.name).length - nameWords(a.name).length || b.weight - a.weight)[0];
  trace.push(`addressee from ${fullest.source} "${fullest.name}"${same.length > 1 ? ` (confirmed by ${same.length - 1} other mention${same.length > 2 ? 's' : ''})` : ''}`);
  const confidence = Math.min(0.95, 0.6 + 0.05 * best.weight + (same.length > 1 ? 0.1 : 0));
  return present<'student_name'>(fullest.name, dedupe(same.map((c) => c.evidence)).slice(0, 2), confidence, trace);
}

function dedupe(evidence: FoundEvidence[]): FoundEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.page}:${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
