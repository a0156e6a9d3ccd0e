import { evidenceAt, withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { findSignerNames, findSupervisorMentions, type SupervisorMention } from './shared/namesInRoles.js';
import { nameWords, sameOrPartOf } from './shared/names.js';
import { EMAIL_ADDRESS, PHONE, findEmail, signatureBlock } from './shared/sections.js';
import { letterLines } from './shared/letterLines.js';

const FIX = 'Please name the supervisor for the position, with their title and how to contact them (email or phone).';

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** An email address elsewhere in the letter whose local part is the supervisor's name ("dana.whitfield@…"). */
function emailNamedAfter(letter: Letter, name: string): string | null {
  const words = nameWords(name).map(fold).filter((w) => w.length >= 3);
  if (words.length === 0) return null;
  const surname = words[words.length - 1];
  for (const line of letterLines(letter)) {
    const re = new RegExp(EMAIL_ADDRESS.source, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(line.text))) {
      const local = fold(m[0].split('@')[0]);
      if (local.includes(surname)) return m[0];
    }
  }
  return null;
}

/**
 * An address whose local part is the supervisor's surname alone, written right after their first
 * name: OCR read "nisha.kapoor@" as "nisha kapoor@". The first name and the dot put back; null
 * where the letter does not read so.
 */
function withFirstName(letter: Letter, email: string, name: string): string | null {
  const words = nameWords(name);
  if (words.length < 2) return null;
  const [local, domain] = email.split('@');
  if (fold(local) !== fold(words[words.length - 1])) return null;
  const escaped = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}.])(${escaped(words[0])})\\s+${escaped(local)}@${escaped(domain)}`, 'iu');
  for (const line of letterLines(letter)) {
    const m = re.exec(line.text);
    if (m) return `${m[1]}.${local}@${domain}`;
  }
  return null;
}

/** When the supervisor also signs the letter, their contact lines sit in the signature block. */
function signatureContacts(letter: Letter, name: string): { title: string | null; email: string | null; phone: string | null } | null {
  const block = signatureBlock(letter);
  if (!block) return null;
  const at = block.lines.findIndex((l) => sameOrPartOf(l.text.split(/[,|]/)[0], name));
  if (at < 0) return null;
  const below = block.lines.slice(at, at + 6).map((l) => l.text).join('\n');
  const titleLine = block.lines[at + 1]?.text ?? null;
  return {
    title: titleLine && !EMAIL_ADDRESS.test(titleLine) && !PHONE.test(titleLine) ? titleLine : null,
    email: findEmail(below),
    phone: PHONE.exec(below)?.[0]?.trim() ?? null,
  };
}

export function extractSupervisor(letter: Letter): FoundElement<'supervisor'> {
  return withPlacedEvidence(letter, findSupervisor(letter));
}

function findSupervisor(letter: Letter): FoundElement<'supervisor'> {
  const mentions = findSupervisorMentions(letter);
  const trace: string[] = [];
  if (mentions.length === 0) {
    trace.push('no "report to" / "Supervisor:" / "your manager" mention with a person\'s name');
    return missing<'supervisor'>(FIX, trace);
  }
  // The fullest mention of the first-named person: a labeled block often repeats a sentence's name with contacts.
  const first = mentions[0];
  const same = mentions.filter((m) => sameOrPartOf(m.name, first.name));
  const best: SupervisorMention = same.reduce((a, b) => (score(b) > score(a) ? b : a));
  const name = same.map((m) => m.name).reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a));
  let title = best.title ?? same.find((m) => m.title)?.title ?? null;
  let email = best.email ?? same.find((m) => m.email)?.email ?? null;
  let phone = best.phone ?? same.find((m) => m.phone)?.phone ?? null;
  trace.push(`supervisor "${name}" from ${best.cue}`);
  const others = mentions.filter((m) => !sameOrPartOf(m.name, first.name));
  if (others.length > 0) trace.push(`also named: ${[...new Set(others.map((m) => m.name))].join(', ')} (kept the first)`);

  if (findSignerNames(letter).some((s) => sameOrPartOf(s.name, name))) {
    const sig = signatureContacts(letter, name);
    if (sig) {
      title ??= sig.title;
      email ??= sig.email;
      phone ??= sig.phone;
      trace.push('the supervisor also signs the letter; contact details from the signature block');
    }
  }
  if (!email) {
    email = emailNamedAfter(letter, name);
    if (email) trace.push(`email ${email} found elsewhere in the letter under the supervisor's name`);
  }
  const whole = email ? withFirstName(letter, email, name) : null;
  if (whole) {
    trace.push(`"${email}" follows the first name with a space where a dot was ("nisha kapoor@"): read as ${whole}`);
    email = whole;
  }
  const confidence = 0.7 + (title ? 0.1 : 0) + (email || phone ? 0.1 : 0) + (nameWords(name).length >= 2 ? 0.05 : 0);
  return present<'supervisor'>({ name, title, email, phone }, [evidenceAt(letter, best.span)], Math.min(0.95, confidence), trace);
}

function score(m: SupervisorMention): number {
  return (m.title ? 1 : 0) + (m.email ? 1 : 0) + (m.phone ? 1 : 0);
}
