import type { Span } from '../document/letterDocument.js';
import { layoutOf } from './layout/layoutView.js';
import { evidenceAt, withPlacedEvidence, evidenceIn } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { letterLines } from './shared/letterLines.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { letterSentences, withoutBullet } from './shared/sections.js';

const FIX = 'Please add the job title to the letter (for example "the position of Software Engineering Intern").';

/** Words a job title ends on or contains: what separates "as a Data Analyst Intern" from "as a result". */
const TITLE_NOUN =
  /\b(?:intern|internship|co-?op|trainee|apprentice|fellow|engineer|analyst|developer|assistant|associate|coordinator|specialist|scientist|designer|consultant|researcher|technician|technologist|writer|editor|strategist|architect|administrator|programmer|manager|representative|advisor|planner|accountant|auditor|tester|student|aide|clerk|officer|producer|ambassador|support|lead|partner|contributor|instructor|tutor|illustrator|animator|modeler|journalist|reporter|photographer|marketer|buyer|recruiter|operator|mechanic|chemist|biologist|economist|statistician|physicist|nurse|therapist|pharmacist|paralegal|counselor|teacher|curator|archivist|librarian|specialist)s?\b/iu;

const NOT_TITLE = /^(?:position|role|opportunity|offer|job|result|reminder|member|part|team\s+member|condition|courtesy|token|matter|reference|general\s+rule|whole|first\s+step|bonus|thank|follow|leader\s+in)\b/iu;

// Where a title in running text ends.
const STOP =
  /\s+(?:at|with|for|in\s+(?:our|the|its|their)|in\s+(?:department|division|dept\.?|faculty|school|office|group|team|lab(?:oratory)?)\b|on\s+(?:our|the|its)|within|starting|beginning|commencing|effective|reporting|during|from|this|who|which|that|where|under|on|based|located|to\s+begin|to\s+start|and\s+(?:will|we|you|your|are|is)|is|will|has|was|beginning|through|until|pending|subject|working|supporting)\b|\s*[,;:!?(]|\.(?:\s|$)|\s+[-–—]\s+/iu;

interface Candidate {
  title: string;
  page: number;
  quote: string;
  span?: Span;
  cue: string;
  weight: number;
  order: number;
}

/** Cleans a raw title: strips articles, "position"/"role" and punctuation; null when nothing title-like remains. */
function cleanJobTitle(raw: string): string | null {
  let t = raw.trim().replace(/\s+/g, ' ');
  t = t.replace(/^["“'‘]+|["”'’]+$/gu, '');
  // Gender markers of German-style postings: "(m/f/d)", "(w/m/d)".
  t = t.replace(/\s*\((?:[mfwdx]\s*\/\s*){1,3}[mfwdx]\)?/giu, '');
  // A parenthesis left open by the cut: "Intern (Summer" -> "Intern".
  t = t.replace(/\s*\([^)]*$/u, '');
  t = t.replace(/^(?:an?|the|our|your|one\s+of\s+our|one\s+of\s+the)\s+/iu, '');
  t = t.replace(/\s+(?:at|with)\s+[\p{Lu}][\p{L}\p{N}&.,' -]*$/u, '');
  t = t.replace(/\s+(?:position|role|job|opportunity|post|title|assignment)$/iu, '');
  t = t.replace(/[\s.,;:!?"”'’)\]-]+$/u, '').replace(/^[\s"“'‘([-]+/u, '');
  t = t.replace(/^(?:paid|unpaid|full-time|part-time|full\s+time|part\s+time|temporary|remote|hybrid|on-site|onsite)\s+(?=\S)/iu, (m) => (/intern|co-?op/i.test(t.slice(m.length)) ? m : ''));
  if (!t || t.length > 80 || t.split(/\s+/).length > 10) return null;
  // A template's unfilled placeholder: "[Job Title]", "{{ designation }}", "<<Position>>".
  if (/[[\]{}<>]/u.test(t)) return null;
  if (NOT_TITLE.test(t)) return null;
  // A title names a job, not the parties: "the agreement between you and Acme concerning your participation".
  if (/\b(?:you|your|we|our|us|between|concerning|regarding)\b/iu.test(t)) return null;
  return t;
}

function titleFromRunningText(after: string): string | null {
  const stop = STOP.exec(after);
  const raw = stop ? after.slice(0, stop.index) : after;
  const t = cleanJobTitle(raw);
  if (!t || !TITLE_NOUN.test(t)) return null;
  // "Intern, Software Engineering": a bare rank followed by its field after a comma.
  if (/^(?:intern|co-?op|trainee|fellow|apprentice)$/iu.test(t)) {
    const field = /^,\s*((?:[\p{Lu}][\p{L}&/-]*)(?:\s+(?:&|and|of|[\p{Lu}][\p{L}&/-]*)){0,4})/u.exec(after.slice(raw.length));
    if (field) return `${t}, ${field[1].replace(/\s+(?:&|and|of)$/u, '')}`;
  }
  return t;
}

/** The labels a job title is given, in a table or before a colon. */
const TITLE_LABEL =
  /^(?:(?:job|position|internship|intern|co-?op|role|your|offered|official)\s+)?(?:title|position|role|designation|post|job)(?:\s+(?:offered|title|name))?$/iu;

const LABEL =
  /^(?:job\s+title|position\s+title|position|title|role|job|position\s+offered|offered\s+position|internship\s+title|internship\s+position|designation)\s*(?::|\||\t|\s{2,})\s*(.+)$/iu;

const LABEL_SPACE = /^(?:Job Title|Position Title|Position|Title|Role|JOB TITLE|POSITION|TITLE)\s+(?=\p{Lu})(.+)$/u;

const SENTENCE_CUES: { re: RegExp; cue: string; weight: number; before?: boolean }[] = [
  { re: /\b(?:position|role|title|post)\s+(?:of|as)\s+/giu, cue: 'position of', weight: 5 },
  { re: /\b(?:your\s+)?(?:job\s+|official\s+|position\s+)?(?:title|designation|role)\s+(?:will\s+be|shall\s+be|is)\s+/giu, cue: 'your title will be', weight: 5 },
  // "changed for the position Hardware Engineering Intern (Acme LLC)": a capitalized title right after the word.
  { re: /\b(?:for|in)\s+the\s+(?:position|role)\s+(?=[\p{Lu}])/gu, cue: 'the position <Title>', weight: 4 },
  { re: /\b(?:internship|co-?op|job|employment)\s+as\s+(?!an?\b|our\b|the\b)/giu, cue: 'internship as <title>', weight: 4 },
  { re: /\b(?:hired|join(?:ing)?\s+(?:us|[\p{Lu}][\p{L}&.-]*(?:\s+[\p{Lu}][\p{L}&.-]*){0,3}|the\s+team|our\s+team)|employ(?:ed|ment)|work|serve|start|begin|continue|engaged|appointed|offer(?:ed)?\s+you\s+(?:a\s+)?(?:position|employment|an?\s+(?:internship|co-?op)(?:\s+position)?))\s+as\s+(?:an?|our|the)\s+/giu, cue: 'as a', weight: 4 },
  { re: /\b(?:offer\s+you\s+(?:the|a|an|our)|offer\s+of\s+(?:the|a|an)|accept(?:ed|ing)?\s+(?:the|our)|for\s+the|(?:interest|application|applying)\s+(?:in|for|to)\s+the|the\s+(?:summer|fall|spring|winter|\d{4})\s+(?:\d{4}\s+)?)\s+/giu, cue: 'offer you the <title> position', weight: 3 },
  { re: /\b(?:appoint(?:ed|ing)?|hir(?:e|ed|ing)|engag(?:e|ed|ing))\s+you\s+as\s+(?!an?\b|our\b|the\b)(?=[\p{Lu}])/gu, cue: 'appoint you as <Title>', weight: 4 },
  { re: /\bas\s+(?:an?|our)\s+/giu, cue: 'as a', weight: 2 },
];

/** "Research Intern, Flight Software" / "Research Intern-Jane Doe" / "Research Intern (Summer)" over "Research Intern". */
function isTitleWithAddition(longer: string, title: string): boolean {
  if (longer.length <= title.length || !longer.toLowerCase().startsWith(title.toLowerCase())) return false;
  return /^\s*[,(/–—-]/u.test(longer.slice(title.length));
}

export function extractJobTitle(letter: Letter): FoundElement<'job_title'> {
  return withPlacedEvidence(letter, findJobTitle(letter));
}

function findJobTitle(letter: Letter): FoundElement<'job_title'> {
  const candidates: Candidate[] = [];
  let order = 0;
  const view = layoutOf(letter);

  // "Job Title: ..." in a table row, under a column header, or before a colon.
  const pairedLines = new Set<number>();
  for (const pair of view.labelled()) {
    const label = withoutBullet(pair.label.text).replace(/[\s:|-]+$/u, '').trim();
    if (!TITLE_LABEL.test(label)) continue;
    const t = cleanJobTitle(pair.value.text.split(/\s+[|]\s+/)[0]);
    pairedLines.add(pair.label.span.start);
    if (!t || /^(?:type|internship|co-?op|full-time|part-time)$/i.test(t)) continue;
    const span = { page: pair.label.span.page, start: pair.label.span.start, end: pair.value.span.end };
    candidates.push({ title: t, ...evidenceAt(letter, span), cue: `"${label}" ${pair.how === 'colon' ? 'line' : 'label'}`, weight: 6, order: order++ });
  }

  for (const line of letterLines(letter)) {
    if (pairedLines.has(line.span.start)) continue;
    const bare = withoutBullet(line.text);
    // A table row whose column gap was lost: "Position Embedded Systems Intern" (all capitalized words).
    const m = LABEL.exec(bare) ?? LABEL_SPACE.exec(bare);
    if (!m) continue;
    if (!LABEL.test(bare) && !(TITLE_NOUN.test(m[1]) && /^(?:(?:[\p{Lu}\d][\p{L}\d&/().'-]*|of|and|&|for|in|-|–)\s*)+$/u.test(m[1]))) continue;
    const t = cleanJobTitle(m[1].split(/\s+[|]\s+/)[0]);
    if (t && !/^(?:type|internship|co-?op|full-time|part-time)$/i.test(t)) candidates.push({ title: t, page: line.page, quote: line.text, span: line.span, cue: `"${line.text.split(/[:|\t]/)[0].trim()}" line`, weight: 6, order: order++ });
  }

  for (const s of letterSentences(letter)) {
    if (LABEL.test(withoutBullet(s.text))) continue;
    for (const { re, cue, weight } of SENTENCE_CUES) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.text))) {
        const after = s.text.slice(m.index + m[0].length);
        let t = titleFromRunningText(after);
        if (!t) continue;
        if (cue === 'offer you the <title> position') {
          // "offer you the Data Analyst Intern position": the title must be followed by position/role/internship.
          const within = new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:position|role|internship|co-?op|opportunity|job)\\b`, 'iu');
          if (!within.test(after.replace(/^(?:an?|the|our)\s+/i, '')) && !/^\p{Lu}/u.test(t)) continue;
        }
        // Lower-case words in running text ("as an intern on our team") are weaker than a capitalized title.
        const capitalized = /^[\p{Lu}\d]/u.test(t);
        t = t.replace(/^(?:summer|fall|spring|winter|autumn)\s+\d{4}\s+/iu, '');
        candidates.push({ title: t, ...evidenceIn(letter, s.span, t), cue, weight: weight + (capitalized ? 1 : -2), order: order++ });
      }
    }
  }

  const subject = letter.email?.subject ?? null;
  if (subject) {
    const m = /(?:[-–—:|]\s*|\bfor\s+(?:the\s+)?)([^-–—:|]+?)\s*(?:position|role|offer)?$/iu.exec(subject);
    const t = m ? cleanJobTitle(m[1]) : null;
    if (t && TITLE_NOUN.test(t) && /^\p{Lu}/u.test(t)) candidates.push({ title: t, page: letter.pages[0]?.number ?? 1, quote: subject, cue: 'email subject', weight: 2, order: order++ });
  }

  const trace: string[] = [];
  if (candidates.length === 0) {
    trace.push('no "Position:"/"Title:" line and no "the position of …" / "as a …" phrase naming a job title');
    return missing<'job_title'>(FIX, trace);
  }
  let best = [...candidates].sort((a, b) => b.weight - a.weight || a.order - b.order)[0];
  // "Machine Learning Intern, Flight Software" in a table and "Machine Learning Intern" in the text:
  // the shorter is the title, the rest a team or a name written beside it.
  const shorter = candidates.filter((c) => isTitleWithAddition(best.title, c.title)).sort((a, b) => b.weight - a.weight || a.order - b.order)[0];
  if (shorter) {
    trace.push(`"${best.title}" is "${shorter.title}" with more written after it; the letter also states "${shorter.title}" alone`);
    best = { ...best, title: shorter.title };
  }
  trace.push(`title "${best.title}" from ${best.cue}`);
  const others = [...new Set(candidates.filter((c) => c.title.toLowerCase() !== best.title.toLowerCase()).map((c) => c.title))];
  if (others.length > 0) trace.push(`other phrases considered: ${others.slice(0, 3).map((o) => `"${o}"`).join(', ')}`);
  const agreeing = candidates.filter((c) => c.title.toLowerCase() === best.title.toLowerCase()).length;
  const confidence = Math.min(0.95, 0.55 + best.weight * 0.06 + (agreeing > 1 ? 0.1 : 0));
  return present<'job_title'>(best.title, [{ page: best.page, quote: best.quote, span: best.span }], confidence, trace);
}
