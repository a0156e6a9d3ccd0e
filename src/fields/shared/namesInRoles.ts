import type { Span } from '../../document/letterDocument.js';
import type { Letter } from '../letter.js';
import { letterLines } from './letterLines.js';
import { cleanPersonName, readNameAt, sameOrPartOf } from './names.js';
import { isOrgLine } from './orgNames.js';
import { EMAIL_ADDRESS, PHONE, findEmail, letterSentences, signatureBlock, signerOfLine, withoutBullet } from './sections.js';
import { perLetter } from './perLetter.js';

/**
 * The people a letter names in a role other than the addressee: who signs it, who supervises the student,
 * whom to contact with questions. The student-name field rejects these; the supervisor and signature fields
 * report them.
 */

export interface SupervisorMention {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  page: number;
  /** The sentence or line the supervisor was read from. */
  quote: string;
  span: Span;
  cue: string;
}

/** "our Engineering Manager", "Director of Data Science": words that make a phrase a job title. */
const TITLE_WORD =
  /\b(?:manager|director|supervisor|lead|head|engineer|scientist|analyst|officer|president|vp|chief|coordinator|specialist|partner|principal|architect|mentor|professor|researcher|administrator|superintendent|chair|dean|founder|owner|ceo|cto|cfo|coo|cio|recruiter|associate|consultant|designer|developer|editor|producer|curator|counsel|attorney|accountant|controller|foreman|supervisor|executive|representative|technician|nurse|physician|teacher)s?\b/i;

function looksLikeTitle(text: string): boolean {
  return TITLE_WORD.test(text) && text.split(/\s+/).length <= 10 && !/[.!?]$/.test(text.trim().replace(/\b(?:sr|jr|inc|co)\.$/i, ''));
}

// Cues after which the supervisor is named. Order matters only for the trace.
const CUES: { re: RegExp; cue: string }[] = [
  { re: /\b(?:you\s+will\s+|will\s+|you'll\s+)?report(?:s|ing)?\s+(?:directly\s+)?(?:to|into)\b\s*:?/giu, cue: 'report to' },
  { re: /\b(?:supervised|managed|mentored|overseen|guided)\s+by\b/giu, cue: 'supervised by' },
  { re: /\b(?:work(?:ing)?|be)\s+(?:directly\s+)?under\b/giu, cue: 'work under' },
  { re: /\bunder\s+the\s+(?:direct\s+)?(?:supervision|direction|guidance|mentorship|leadership)\s+of\b/giu, cue: 'under the supervision of' },
  {
    re: /\b(?:your|the\s+intern'?s?|the\s+student'?s?)\s+(?:direct\s+|immediate\s+|day-to-day\s+)?(?:supervisor|manager|mentor|reporting\s+manager|hiring\s+manager|course\s+coordinator|supervising\s+\p{L}+|manager\s+for\s+this\s+(?:assignment|internship|co-?op|role|position))(?:\((?:s|es)\))?(?:\s+(?:will\s+be|is|are))?\s*[,:]?/giu,
    cue: 'your supervisor',
  },
  { re: /\b(?:supervisor|manager|mentor)\s+for\s+(?:this|the|your)\s+(?:position|role|internship|co-op|assignment|term)\s+(?:will\s+be|is)\b/giu, cue: 'supervisor for this position' },
];

// "Supervisor: Dana Whitfield" and table rows "Reports to | Dana Whitfield".
// The role a label names, shared by the labelled-line patterns below.
const ROLE_LABEL = String.raw`(?:supervisor|manager|mentor|reports?\s+to|reporting\s+to|reporting\s+manager|supervisor\s+name|supervised\s+by)(?:\s+name)?`;

const LABEL = new RegExp(String.raw`^(?:(?:direct|immediate|internship|site|faculty|work|your|hiring)\s+)?${ROLE_LABEL}\s*(?::|\||\t|\s{2,})\s*(.+)$`, 'iu');

// The label alone on its line, its value on the next: how OCR reads a two-column table of terms
// when it takes the columns for separate blocks ("Supervisor" / "Robert Castellano, Design Lead").
const LABEL_ALONE = new RegExp(String.raw`^(?:(?:direct|immediate|internship|site|work|your|hiring)\s+)?${ROLE_LABEL}\s*:?$`, 'iu');

const LABEL_SPACE = /^(?:Supervisor|SUPERVISOR|Manager|MANAGER|Mentor|MENTOR|Reports\s+to|Reporting\s+to|Direct\s+supervisor)\s+(?=\p{Lu}\p{Ll})(.+)$/u;

// "Dana Whitfield will be your supervisor", "Dana Whitfield, Engineering Manager, will supervise you".
const NAME_BEFORE = /\b(?:will\s+(?:be\s+(?:your|the)\s+(?:direct\s+|immediate\s+)?(?:supervisor|manager|mentor)|supervise\s+(?:you|your)|oversee\s+your|serve\s+as\s+your\s+(?:supervisor|manager|mentor))|is\s+your\s+(?:supervisor|manager|mentor))\b/iu;

function contactsIn(text: string): { email: string | null; phone: string | null } {
  return { email: findEmail(text), phone: PHONE.exec(text)?.[0]?.trim() ?? null };
}

/** Name and title in text that follows a cue: "Dana Whitfield, Engineering Manager (…)" or "our Engineering Manager, Dana Whitfield". */
function readPersonAndTitle(rest: string): { name: string; title: string | null } | null {
  const text = rest.replace(/^\s*[:,\-–—|]?\s*/u, '').replace(/^(?:our|your|the|a|an|my)\s+/iu, '');
  // Name first.
  const named = readNameAt(text);
  if (named && named.name.split(/\s+/).length >= 2 && !isOrgLine(named.name) && !looksLikeTitleOnly(named.name)) {
    const after = text.slice(named.length);
    return { name: named.name, title: titleAfterName(after) };
  }
  // Title first, then the name after a comma or "named": "Engineering Manager, Dana Whitfield".
  const m = /^([^,()]{3,80}?)\s*(?:,|\bnamed\b|\s[-–—]\s)\s*/u.exec(text);
  if (m && looksLikeTitle(m[1])) {
    const second = readNameAt(text.slice(m[0].length));
    if (second && second.name.split(/\s+/).length >= 2) return { name: second.name, title: cleanTitle(m[1]) };
  }
  // A single-word surname after an honorific: "Dr. Okafor".
  if (named?.honorific) return { name: `${named.honorific} ${named.name}`, title: titleAfterName(text.slice(named.length)) };
  return null;
}

function looksLikeTitleOnly(name: string): boolean {
  return TITLE_WORD.test(name);
}

function cleanTitle(title: string): string | null {
  const t = title
    .replace(/^(?:our|your|the|a|an|my)\s+/iu, '')
    .replace(/\s+(?:at|of|with)\s+[\p{Lu}].*$/u, (m) => (/^\s+of\s/u.test(m) ? m : ''))
    .replace(/[\s,.;:]+$/u, '')
    .trim();
  return t && looksLikeTitle(t) ? t : null;
}

/** ", Engineering Manager (dana@…)" or " (Engineering Manager)" after a name. */
function titleAfterName(after: string): string | null {
  const paren = /^\s*\(([^)]{3,60})\)/u.exec(after);
  if (paren && looksLikeTitle(paren[1]) && !EMAIL_ADDRESS.test(paren[1])) return cleanTitle(paren[1]);
  const comma = /^\s*(?:,|[-–—|])\s*(?:our|your|the|a|an)?\s*([^,;()\n]{3,70}?)(?=\s*(?:[,;(]|\.(?:\s|$)|$|\s+(?:at|who|and\s+can|and\s+will|on\s+the|in\s+our|by\s+email|via)\b))/iu.exec(after);
  if (comma && looksLikeTitle(comma[1]) && !EMAIL_ADDRESS.test(comma[1]) && !PHONE.test(comma[1])) return cleanTitle(comma[1]);
  return null;
}

/** Every place the letter names a supervisor, in order of appearance. */
export const findSupervisorMentions = perLetter(function findSupervisorMentions(letter: Letter): readonly SupervisorMention[] {
  const mentions: SupervisorMention[] = [];
  const lines = letterLines(letter);

  // Labeled lines: "Supervisor: Dana Whitfield, Engineering Manager", with contact lines below.
  lines.forEach((line, at) => {
    // Table rows lose their column gap in extraction: "Supervisor Laura McKinnon, Project Engineer".
    const text = withoutBullet(line.text);
    const labelAlone = LABEL_ALONE.test(text) && lines[at + 1]?.page === line.page ? lines[at + 1] : null;
    const m = LABEL.exec(text) ?? LABEL_SPACE.exec(text) ?? (labelAlone ? [line.text, labelAlone.text] : null);
    if (!m) return;
    const person = labelAlone ? readPersonAndTitle(m[1]) : (readPersonAndTitle(m[1]) ?? readSingleName(m[1]));
    if (!person) return;
    let title = person.title;
    const around = labelAlone ? [line.text, labelAlone.text] : [line.text];
    for (const next of lines.slice(at + (labelAlone ? 2 : 1), at + 4)) {
      if (LABEL.test(withoutBullet(next.text)) || next.text.length > 90) break;
      const t = /^(?:title|position|role)\s*(?::|\||\t)\s*(.+)$/i.exec(next.text);
      if (t && !title) title = t[1].trim();
      if (/^(?:e-?mail|phone|tel|mobile|cell|contact|title)\b/i.test(next.text) || EMAIL_ADDRESS.test(next.text) || PHONE.test(next.text)) around.push(next.text);
      else if (!t) break;
    }
    const contacts = contactsIn(around.join('\n'));
    mentions.push({ name: person.name, title, ...contacts, page: line.page, quote: labelAlone?.text ?? line.text, span: (labelAlone ?? line).span, cue: labelAlone ? 'label, with the name on the next line' : 'labeled line' });
  });

  const sentences = letterSentences(letter);
  sentences.forEach((sentence, at) => {
    const found = mentions.length;
    sentenceMentions(letter, sentence, mentions);
    // "Jorge can be reached at …" / "She can be reached at …": contacts in the next sentence.
    const added = mentions[found];
    const next = sentences[at + 1];
    if (added && !added.email && !added.phone && next) {
      const words = added.name.split(/\s+/).filter((w) => w.length > 2);
      if (/^(?:he|she|they|their|his|her)\b/iu.test(next.text) || words.some((w) => next.text.includes(w))) {
        const contacts = contactsIn(next.text);
        if (contacts.email || contacts.phone) Object.assign(added, contacts);
      }
    }
  });
  return mentions;
});

function sentenceMentions(letter: Letter, sentence: { page: number; text: string; span: Span }, mentions: SupervisorMention[]): void {
  {
    if (LABEL.test(withoutBullet(sentence.text))) return;
    for (const { re, cue } of CUES) {
      re.lastIndex = 0;
      const m = re.exec(sentence.text);
      if (!m) continue;
      const rest = sentence.text.slice(m.index + m[0].length);
      if (/^\s*me\b/iu.test(rest)) {
        // "You will report directly to me": the signer supervises.
        const signer = findSignerNames(letter)[0];
        if (signer) {
          mentions.push({ name: signer.name, title: null, email: null, phone: null, page: sentence.page, quote: sentence.text, span: sentence.span, cue: `${cue} me (the signer)` });
          break;
        }
      }
      // "Professor(s) Olumide Fashola": the plural mark of a form letter is not part of the name.
      const person = readPersonAndTitle(rest.replace(/^(\s*\p{L}+\.?)\((?:s|es)\)/u, '$1'));
      if (!person) continue;
      mentions.push({ name: person.name, title: person.title, ...contactsIn(rest), page: sentence.page, quote: sentence.text, span: sentence.span, cue });
      break;
    }
    const before = NAME_BEFORE.exec(sentence.text);
    if (before) {
      const head = sentence.text.slice(0, before.index);
      const parts = head.split(/,\s*/u);
      for (let k = 0; k < parts.length; k++) {
        const p = parts[k].replace(/^(?:and|also|during\s+.+|in\s+this\s+role)\s+/iu, '').trim();
        const name = cleanPersonName(p, { minWords: 2 }) ?? readNameAt(p.replace(/^.*\b(?:and|then)\s+/u, ''))?.name ?? null;
        if (name && name.split(/\s+/).length >= 2 && !isOrgLine(name)) {
          const titlePart = parts[k + 1]?.trim();
          const afterName = p.slice(p.indexOf(name) + name.length);
          const title = titleAfterName(afterName) ?? (titlePart && looksLikeTitle(titlePart) ? cleanTitle(titlePart) : null);
          mentions.push({ name, title, ...contactsIn(sentence.text), page: sentence.page, quote: sentence.text, span: sentence.span, cue: 'will be your supervisor' });
          break;
        }
      }
    }
  }
}

function readSingleName(text: string): { name: string; title: string | null } | null {
  const parsed = readNameAt(text.trim());
  if (!parsed || parsed.name.split(/\s+/).length < 2) return null;
  return { name: parsed.name, title: titleAfterName(text.trim().slice(parsed.length)) };
}

// "contact Maria Lopez at …", "reach out to Maria Lopez", "questions, please email Maria Lopez".
const CONTACT_CUE =
  /\b(?:contact|reach\s+out\s+to|get\s+in\s+touch\s+with|e-?mail|call|write\s+to|direct\s+(?:any\s+)?questions\s+to|questions\s+to|speak\s+with|talk\s+to|reach)\s+(?:me,?\s+)?(?:our|your|the)?\s*(?:[\p{L}-]+\s+){0,4}?(?=\p{Lu})/giu;

/** People the student is told to contact (HR, recruiters): never the addressee. */
export const findContactNames = perLetter(function findContactNames(letter: Letter): readonly { name: string; page: number; quote: string }[] {
  const out: { name: string; page: number; quote: string }[] = [];
  for (const sentence of letterSentences(letter)) {
    CONTACT_CUE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CONTACT_CUE.exec(sentence.text))) {
      let rest = sentence.text.slice(m.index + m[0].length);
      // "our HR Coordinator, Maria Lopez"
      const titled = /^([^,]{2,60}),\s*/u.exec(rest);
      if (titled && looksLikeTitle(titled[1])) rest = rest.slice(titled[0].length);
      const parsed = readNameAt(rest);
      if (parsed && parsed.name.split(/\s+/).length >= 2 && !isOrgLine(parsed.name)) out.push({ name: parsed.name, page: sentence.page, quote: sentence.text });
    }
  }
  return out;
});

/** The people who sign the letter: names in the signature block and "/s/" lines. */
export const findSignerNames = perLetter(function findSignerNames(letter: Letter): readonly { name: string; page: number; quote: string }[] {
  const out: { name: string; page: number; quote: string }[] = [];
  const block = signatureBlock(letter);
  if (block) {
    if (block.closing.inlineName) out.push({ name: block.closing.inlineName, page: block.closing.line.page, quote: block.closing.line.text });
    for (const line of block.lines) {
      const name = signerOfLine(line.text);
      if (name) out.push({ name, page: line.page, quote: line.text });
    }
  }
  for (const line of letterLines(letter)) {
    if (!/^(?:\/s\/|(?:electronically|digitally)\s+signed\s+by)/i.test(line.text)) continue;
    const name = signerOfLine(line.text);
    if (name && !out.some((o) => sameOrPartOf(o.name, name))) out.push({ name, page: line.page, quote: line.text });
  }
  return out;
});
