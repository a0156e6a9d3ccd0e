import type { Span } from '../document/letterDocument.js';
import { layoutOf, type ViewLine } from './layout/layoutView.js';
import { evidenceAt, withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { bulletItem, letterSentences } from './shared/sections.js';
import type { FoundEvidence } from './shared/foundElement.js';

const FIX = 'Please add a brief description of the duties (for example "You will design test plans, analyze data and report results.").';

// "Duties:", "Key Responsibilities", "Your responsibilities will include:", "What you'll do", "Job Description:".
const DUTY_HEADING =
  /^(?:(?:key|primary|main|principal|essential|core|major|job|position|internship|co-?op|your|general|specific|expected|anticipated|daily|day-to-day|the\s+intern'?s)\s+)*(?:duties|responsibilities|tasks|job\s+description|position\s+description|role\s+description|description\s+of\s+(?:duties|responsibilities|(?:the\s+)?(?:role|position|work|internship))|scope\s+of\s+(?:work|role|duties)|what\s+you(?:'|’)?ll\s+do|what\s+you\s+will\s+do|your\s+role|the\s+role|role\s+overview|(?:role|job|position|internship)\s+summary|summary\s+of\s+(?:duties|responsibilities|(?:the\s+)?role)|key\s+result\s+areas|assignments|projects?|work\s+description|job\s+functions?)(?:\s+(?:and|&)\s+(?:responsibilities|duties|tasks|expectations))?(?:\s+(?:will|may)\s+include|\s+include|\s+are|\s+will\s+be)?(?:\s*\([^)]*\))?\s*(?:[:\-–—]\s*(.*))?$/iu;

// Lists that are not duties: benefits, conditions of the offer, documents to bring, next steps.
const OTHER_HEADING =
  /^(?:(?:your\s+|additional\s+|employee\s+|intern\s+)?(?:benefits|perks|compensation|pay|salary|stipend|conditions|contingencies|requirements|eligibility|qualifications|next\s+steps|what\s+to\s+bring|documents|onboarding|logistics|schedule|terms|terms\s+and\s+conditions|policies|important\s+dates|details|offer\s+details|position\s+details|summary|housing|relocation|equipment|at\s+a\s+glance|key\s+dates|expectations\s+of\s+conduct)|this\s+offer\s+is\s+(?:contingent|conditional|subject)|.*\b(?:contingent|conditional)\s+(?:up)?on\b|.*\b(?:please\s+(?:bring|provide|submit|complete|sign|return)|you\s+will\s+(?:receive|be\s+eligible|also\s+receive|be\s+provided|have\s+access)|benefits?\s+include|eligible\s+for|perks\s+include|entitled\s+to)\b)/iu;

// A sentence stating duties: "You will design …", "Your responsibilities will include …", "The intern will …".
const DUTY_SENTENCE =
  /\b(?:you\s+will|you'll|you’ll|the\s+(?:[\p{Lu}][\p{L}-]*\s+){0,4}(?:intern|co-?op(?:\s+student)?|student|candidate|trainee)\s+will|your\s+(?:main\s+|primary\s+|key\s+|daily\s+)?(?:duties|responsibilities|tasks|work|projects?|role)\s+(?:will\s+)?(?:include|includes|involve|involves|consist|consists|are|is|will\s+be|focus(?:es)?)|(?:duties|responsibilities|tasks)\s+(?:will\s+)?(?:include|involve|consist)|you\s+will\s+be\s+(?:responsible|tasked|working|assisting|supporting|helping|contributing|involved)|in\s+this\s+(?:role|position|internship|capacity),\s+you|responsible\s+for)\b/iu;

// What follows "You will …" when the sentence is about pay, place, time or paperwork, not the work.
const NOT_DUTY_START =
  /^(?:(?:also|then|initially|soon|shortly|now|likely|certainly)\s+)?(?:be\s+(?:a|an|the|our|one|part|subject\s+to|bound\s+by)\b|bring|have|enjoy|love|thrive|grow|make\s+(?:a|an)\s+(?:[\p{L}-]+\s+)?(?:impact|difference|contribution|addition)|be\s+(?:paid|based|located|eligible|provided|reimbursed|notified|contacted|required|given|issued|sent|emailed|invited|enrolled|covered|compensated|employed|classified|considered|onboarded|welcomed|joining|starting|expected\s+to\s+(?:work|be\s+available|start|begin|report|arrive)|asked\s+to\s+(?:sign|complete|provide|submit)|working\s+(?:from|remotely|on-?site|out\s+of|\d|full|part|at|in\s+our))|report|receive|earn|get\s+paid|need\s+to|not\s+(?:receive|be\s+paid|be\s+eligible|be\s+compensated)|work\s+(?:from|at|remotely|on[\s-]?site|in\s+our|in\s+the\s+office|\d|full|part|out\s+of|a\s+(?:total|minimum|maximum))|start|begin|join\s+(?:us|our\s+team|the\s+team)|have\s+access|hear|find|also\s+receive|sign|return|undergo|pass|attend\s+(?:orientation|onboarding)|complete\s+(?:the|your|an?)\s+(?:i-9|paperwork|onboarding|forms?|background))\b/iu;

// Pay, hours, reporting lines and conditions anywhere in a sentence: not a duties sentence; nor is a
// sentence of an agreement that defines a term ("work product ... (\"Project Work Product\")").
const NOT_DUTY_ANYWHERE =
  /\$\s?\d|\((?:the\s+)?["“]\p{Lu}[^"”]{1,40}["”]\)|\b(?:supervised\s+by|mentored\s+by|managed\s+by|under\s+the\s+(?:supervision|direction)|per\s+hour|hourly\s+rate|hours?\s+(?:per|a|each)\s+week|\d+\s+hours|report(?:ing)?\s+(?:directly\s+)?to|contingent|this\s+offer|benefits?|salary|stipend|wages?|withholding|paid\s+time\s+off|at-will|background\s+check|sign\s+and\s+return)\b/iu;

// Verbs that open a duty item ("Develop dashboards", "Assist with …").
const DUTY_VERB =
  /^(?:to\s+)?(?:assist|support|develop|design|build|write|test|analy[sz]e|research|prepare|create|conduct|maintain|implement|help|collaborate|work|participate|contribute|document|review|coordinate|manage|monitor|evaluate|perform|present|draft|update|investigate|identify|improve|optimi[sz]e|automate|program|code|debug|deploy|model|measure|collect|compile|organi[sz]e|plan|track|produce|edit|gather|learn|shadow|attend|interview|survey|calibrate|assemble|install|configure|troubleshoot|inspect|audit|reconcile|process|enter|respond|communicate|engage|facilitate|lead|own|operate|run|draft|summari[sz]e|visuali[sz]e|clean|label|annotate|translate|curate|catalog|schedule|recruit|market|sell|promote|manufacture|fabricate|prototype|simulate|validate|verify|benchmark|refactor|integrate|migrate|architect|mentor|teach|tutor|care|serve|greet|answer|file|sort|compose|photograph|film|illustrate|sketch|render|study|explore|experiment|read|deliver|provide|ensure|apply|use|utili[sz]e|execute|generate|extract|source)\w*\b/iu;

const BENEFIT_ITEM =
  /\b(?:insurance|dental|vision|401\(?k\)?|pto|paid\s+time|holiday|stipend|\$\s?\d|per\s+hour|discount|gym|housing|relocation|parking|transit|commuter|lunch|meals|snacks|laptop|equipment\s+(?:provided|allowance)|reimburse|bonus|background\s+check|drug\s+(?:test|screen)|i-9|proof\s+of|authorization|enrollment|transcript|signed\s+copy|photo\s+id|deadline|orientation|social\s+security|bank|direct\s+deposit|w-4|tax)\b/iu;

interface PageLine {
  page: number;
  /** The line's text; a list item's first line with its marker ("• Build dashboards"); '' between blocks. */
  text: string;
  span: Span | null;
  /** Read by OCR: bullets may be lost or misread, and blank lines fall between items. */
  ocr: boolean;
}

/** The layout's lines in reading order, with an empty line where one block ends and the next begins. */
function pageLines(letter: Letter): PageLine[] {
  const out: PageLine[] = [];
  const ocr = new Set(letter.pages.filter((p) => p.source === 'ocr').map((p) => p.number));
  let previous: ViewLine | null = null;
  for (const line of layoutOf(letter).lines()) {
    if (previous && (previous.block !== line.block || previous.page !== line.page)) out.push({ page: line.page, text: '', span: null, ocr: ocr.has(line.page) });
    previous = line;
    const first = line.item !== null && line.item.lines[0] === line.source;
    const span = first ? { ...line.span, start: line.item!.span.start } : line.span;
    out.push({ page: line.page, text: first ? `${line.item!.marker} ${line.text}` : line.text, span, ocr: ocr.has(line.page) });
  }
  return out;
}

/** A line that can be a list item without a mark: short, capitalized, not prose, not a heading. */
function isItemLine(line: string): boolean {
  const t = line.replace(LEADING_MARKS, '');
  return (
    t.length > 3 &&
    t.length <= 100 &&
    /^[\p{Lu}\p{N}"“]/u.test(t) &&
    !/[:,]$/.test(t) &&
    !/[.!?]\s+\p{Lu}/u.test(t) &&
    !PROSE_START.test(t) &&
    !DUTY_HEADING.test(t) &&
    !OTHER_HEADING.test(t)
  );
}

function nextText(lines: PageLine[], k: number): string {
  while (k < lines.length && !lines[k].text) k++;
  return lines[k]?.text ?? '';
}

// Items OCR ran together on one line: "« Assist with inspections « Prepare traffic counts".
const MERGED_MARK = /\s+[«»•·®¢]\s+(?=\p{Lu})|\s+[+*]\s+(?=\p{Lu}\p{Ll})/u;

/** Bullet items starting at `from`; wrapped continuation lines are joined onto their item. */
function bulletsFrom(lines: PageLine[], from: number): { items: string[]; end: number; quotes: PageLine[] } {
  const items: string[] = [];
  const quotes: PageLine[] = [];
  let k = from;
  let blanks = 0;
  for (; k < lines.length; k++) {
    const t = lines[k].text;
    if (!t) {
      const next = nextText(lines, k);
      const continues = bulletItem(next) !== null || (lines[k].ocr && items.length > 0 && isItemLine(next));
      if (++blanks > 1 || (items.length > 0 && !continues)) break;
      continue;
    }
    blanks = 0;
    const item = bulletItem(t);
    if (item !== null) {
      items.push(...(lines[k].ocr ? item.split(MERGED_MARK) : [item]));
      quotes.push(lines[k]);
      continue;
    }
    // A wrapped continuation of the previous item: starts lower-case, or the item has not ended.
    if (items.length > 0 && (/^[\p{Ll}(&]/u.test(t) || (!/[.;:!?]$/.test(items[items.length - 1]) && t.length < 100 && !/:$/.test(t) && !DUTY_HEADING.test(t) && !OTHER_HEADING.test(t) && /^[\p{Ll}\p{N}]/u.test(t)))) {
      items[items.length - 1] += ' ' + t;
      continue;
    }
    // OCR drops some marks: an unmarked item line inside a marked list is still an item.
    if (lines[k].ocr && items.length > 0 && isItemLine(t)) {
      items.push(...t.split(MERGED_MARK));
      quotes.push(lines[k]);
      continue;
    }
    break;
  }
  return { items: items.map(cleanItem).filter(Boolean), end: k, quotes };
}

// Marks OCR leaves stuck to an item's first word ("‘Write firmware").
const LEADING_MARKS = /^[‘’'«»•·+*¢®©°]+(?=\p{Lu})/u;

function cleanItem(item: string): string {
  return item
    .replace(LEADING_MARKS, '')
    .replace(/\s+/g, ' ').replace(/[;,]\s*(?:and|or)?$/iu, '').replace(/\s+and$/iu, '').trim();
}

/** Items written in one line after a heading: "Duties: build dashboards; write tests; present results." */
function splitInline(text: string): string[] {
  const parts = text.includes(';') ? text.split(/\s*;\s*/) : [text];
  return parts.map((p) => cleanItem(p.replace(/^(?:and|or)\s+/iu, '').replace(/\.$/, ''))).filter((p) => p.length > 2);
}

/** Words that open prose, never a list item ("You will …", "This offer …"). */
const PROSE_START = /^(?:you|your|we|our|this|these|that|the\s+(?:intern|internship|offer|position|terms)|please|if|i|in\s+addition|as\s+(?:a|an|our)|it|they|there|thank|sincerely|best|regards|kind|warm|note)\b/iu;

/**
 * Items under a heading whose bullets were lost in extraction (a PDF keeps the words, not the marks):
 * one short line per item, a lower-case line continuing the item above.
 */
function plainItemsFrom(lines: PageLine[], from: number): { items: string[]; quotes: PageLine[] } {
  const items: string[] = [];
  const quotes: PageLine[] = [];
  let k = from;
  while (k < lines.length && !lines[k].text) k++;
  for (; k < lines.length; k++) {
    const t = lines[k].text;
    if (!t) {
      // OCR leaves blank lines between items.
      if (lines[k].ocr && items.length > 0 && isItemLine(nextText(lines, k))) continue;
      break;
    }
    if (/[:,]$/.test(t) || t.length > 100 || /[.!?]\s+\p{Lu}/u.test(t) || DUTY_HEADING.test(t) || OTHER_HEADING.test(t)) break;
    if (/^\p{Ll}/u.test(t) && items.length > 0) {
      items[items.length - 1] += ' ' + t;
      continue;
    }
    if (PROSE_START.test(t) || !/^[\p{Lu}\p{N}"“]/u.test(t)) break;
    items.push(t);
    quotes.push(lines[k]);
  }
  return { items: items.map(cleanItem).filter(Boolean), quotes };
}

/** The paragraph under a heading (no bullets): its sentences are the duties. */
function paragraphFrom(lines: PageLine[], from: number): { text: string; page: number; span: Span | null } | null {
  let k = from;
  while (k < lines.length && !lines[k].text) k++;
  const parts: PageLine[] = [];
  const page = lines[k]?.page ?? 1;
  for (; k < lines.length && lines[k].text; k++) {
    if (bulletItem(lines[k].text) !== null || (parts.length > 0 && (/:$/.test(lines[k].text) || DUTY_HEADING.test(lines[k].text) || OTHER_HEADING.test(lines[k].text)))) break;
    parts.push(lines[k]);
  }
  if (parts.length === 0) return null;
  const first = parts[0].span;
  const last = parts[parts.length - 1].span;
  return { text: parts.map((l) => l.text).join(' '), page, span: first && last ? { page, start: first.start, end: last.end } : null };
}

function sentencesIn(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
}

/** The words after a duty cue, without a leading "will" ("In this role, you | will design …"). */
function afterCue(text: string, cue: RegExpExecArray): string {
  return text.slice(cue.index + cue[0].length).replace(/^\s*(?:will\s+|'ll\s+|,\s*)?/iu, '');
}

/** The duties listed after a sentence's cue: "design X, test Y, and document Z." -> three items. */
function dutiesInSentence(rest: string): string[] {
  const body = rest
    .replace(/^\s*(?:will\s+|:\s*|,\s*)?/iu, '')
    .replace(/^(?:be\s+)?(?:responsible\s+for|tasked\s+with|expected\s+to|involved\s+in)\s+/iu, '')
    .replace(/^(?:also|then|additionally)\s+/iu, '')
    .replace(/^be\s+(?=\p{L}+ing\b)/iu, '')
    .replace(/^(?:to\s+)?(?:the\s+following:?\s*)?/iu, '')
    .replace(/[.!]+$/u, '')
    .trim();
  if (!body) return [];
  const parts = body.split(/\s*;\s*(?:and\s+)?|,\s*(?:and|or|as\s+well\s+as)\s+|,\s+(?=\p{Ll})/u);
  return parts.map((p) => capitalize(cleanItem(p))).filter((p) => p.length > 2);
}

function capitalize(item: string): string {
  return /^\p{Ll}\p{Ll}/u.test(item) ? item[0].toUpperCase() + item.slice(1) : item;
}

function looksLikeDutyList(items: string[]): boolean {
  if (items.length === 0) return false;
  const duty = items.filter((i) => DUTY_VERB.test(i) && !BENEFIT_ITEM.test(i)).length;
  const other = items.filter((i) => BENEFIT_ITEM.test(i) || NOT_DUTY_ANYWHERE.test(i)).length;
  return duty >= Math.max(1, Math.ceil(items.length / 2)) && duty > other;
}

export function extractDuties(letter: Letter): FoundElement<'duties'> {
  return withPlacedEvidence(letter, findDuties(letter));
}

function findDuties(letter: Letter): FoundElement<'duties'> {
  const lines = pageLines(letter);
  const trace: string[] = [];
  const view = layoutOf(letter);

  // 0. A labelled value: "Job Description: build X; test Y", a "Duties" table row.
  for (const pair of view.labelled()) {
    // A heading alone on its line ("stacked") may head a whole list: step 1 reads it.
    if (pair.how === 'stacked') continue;
    const label = DUTY_HEADING.exec(pair.label.text.replace(/^[#*•\s]+/, ''));
    if (!label || label[1]) continue;
    const items = splitInline(pair.value.text);
    if (items.length === 0 || (items.length === 1 && items[0].length < 12)) continue;
    trace.push(`"${pair.label.text}" with the duties as its value`);
    const span = { page: pair.label.span.page, start: pair.label.span.start, end: pair.value.span.end };
    return present<'duties'>(items, [evidenceAt(letter, span)], 0.9, trace);
  }

  // 1. A duties heading with a list, a paragraph, or items on the same line.
  for (let k = 0; k < lines.length; k++) {
    const t = lines[k].text;
    if (!t || t.length > 140) continue;
    const heading = DUTY_HEADING.exec(t.replace(/^[#*•\s]+|\*+$/g, '').replace(/^\d+\.\s+/, ''));
    if (!heading) continue;
    const inline = heading[1]?.trim() ?? '';
    const list = bulletsFrom(lines, k + 1);
    if (list.items.length > 0) {
      trace.push(`heading "${t}" followed by ${list.items.length} listed item(s)`);
      const items = inline && !/^(?:include|are)?$/i.test(inline) ? [...splitInline(inline), ...list.items] : list.items;
      return present<'duties'>(items, evidenceOf([lines[k], ...list.quotes]), 0.95, trace);
    }
    if (inline.length > 10) {
      trace.push(`heading "${t.slice(0, 60)}" with the duties on the same line`);
      return present<'duties'>(splitInline(inline), [{ page: lines[k].page, quote: lines[k].text }], 0.9, trace);
    }
    const plain = plainItemsFrom(lines, k + 1);
    if (plain.items.length >= 2 || (plain.items.length === 1 && /:$/.test(t))) {
      trace.push(`heading "${t}" followed by ${plain.items.length} item line(s)`);
      return present<'duties'>(plain.items, evidenceOf([lines[k], ...plain.quotes]), 0.85, trace);
    }
    const para = paragraphFrom(lines, k + 1);
    if (para && para.text.length > 15 && !OTHER_HEADING.test(para.text)) {
      trace.push(`heading "${t}" followed by a paragraph`);
      // Sentences with a duty cue are split into their duties; other sentences stand as written.
      const items = sentencesIn(para.text).flatMap((sentence) => {
        const cue = DUTY_SENTENCE.exec(sentence);
        const split = cue ? dutiesInSentence(afterCue(sentence, cue)) : [];
        return split.length > 0 ? split : [sentence];
      });
      return present<'duties'>(items, [para.span ? evidenceAt(letter, para.span) : { page: para.page, quote: para.text }], 0.85, trace);
    }
  }

  // 2. A bullet list introduced by a duty sentence ("During your internship, you will:"), or made of duty verbs.
  for (let k = 0; k < lines.length; k++) {
    if (bulletItem(lines[k].text) === null) continue;
    const list = bulletsFrom(lines, k);
    let intro = k - 1;
    while (intro >= 0 && !lines[intro].text) intro--;
    const introText = intro >= 0 ? lines[intro].text : '';
    const introCue = DUTY_SENTENCE.exec(introText);
    const introIsDuty =
      introCue !== null && !OTHER_HEADING.test(introText) && !NOT_DUTY_ANYWHERE.test(introText) && !NOT_DUTY_START.test(afterCue(introText, introCue));
    // Without a sentence introducing it, a list is duties only by its verbs, and one line is no list
    // (a section heading set as a bullet: "• Work Location and Business Travel").
    if (introIsDuty || (!OTHER_HEADING.test(introText) && list.items.length >= 2 && looksLikeDutyList(list.items))) {
      trace.push(introIsDuty ? `list introduced by "${introText.slice(0, 80)}"` : `list of ${list.items.length} duty-like items (action verbs)`);
      const quotes = introIsDuty && intro >= 0 ? [lines[intro], ...list.quotes] : list.quotes;
      return present<'duties'>(list.items, evidenceOf(quotes), introIsDuty ? 0.9 : 0.75, trace);
    }
    if (list.items.length > 0) trace.push(`skipped list under "${introText.slice(0, 60)}": not duties`);
    k = Math.max(k, list.end - 1);
  }

  // 3. Duty sentences in the body: "In this role, you will design X, test Y, and document Z."
  const duties: { text: string; page: number; span: Span; items: string[] }[] = [];
  for (const s of letterSentences(letter)) {
    if (bulletItem(s.text) !== null) continue;
    const m = DUTY_SENTENCE.exec(s.text);
    if (!m) continue;
    let rest = afterCue(s.text, m);
    // "You will be joining our Data team and will be responsible for …": the duties come after a second cue.
    if (NOT_DUTY_START.test(rest)) {
      const second = /\b(?:(?:and\s+)?(?:will\s+)?(?:be\s+)?(?:responsible\s+for|tasked\s+with)|and\s+(?:you\s+)?will)\s+/iu.exec(rest);
      if (second) rest = rest.slice(second.index + second[0].length);
    }
    if (NOT_DUTY_ANYWHERE.test(s.text) || NOT_DUTY_START.test(rest)) {
      trace.push(`ignored "${s.text.slice(0, 60)}…": about pay, time, place or terms`);
      continue;
    }
    const items = dutiesInSentence(rest);
    if (items.length > 0) duties.push({ ...s, items });
  }
  if (duties.length > 0) {
    trace.push(`${duties.length} sentence(s) describing the work`);
    return present<'duties'>(
      duties.flatMap((d) => d.items),
      duties.slice(0, 3).map((d) => evidenceAt(letter, d.span)),
      0.8,
      trace,
    );
  }
  trace.push('no duties heading, duty list, or "You will …" sentence describing the work');
  return missing<'duties'>(FIX, trace);
}

function evidenceOf(lines: PageLine[]): FoundEvidence[] {
  return lines.slice(0, 4).map((l) => ({ page: l.page, quote: l.text, ...(l.span ? { span: l.span } : {}) }));
}
