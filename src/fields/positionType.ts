import type { Span } from '../document/letterDocument.js';
import { withPlacedEvidence, evidenceIn } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { letterSentences, withoutBullet } from './shared/sections.js';

const FIX = 'Please state in the letter that the position is an internship or a co-op.';

type Kind = 'internship' | 'co-op';

// "co-op", "coop" (as a word), "co-operative education", "cooperative education program", "Co-Op";
// "intern", "interns", "internship", "Intern" in a title. Not "international", "internal".
const TERMS: { re: RegExp; kind: Kind }[] = [
  { re: /(?<![.@\w-])co-?op(?:s)?\b(?!\s*(?:store|grocery|market|bank|housing|board))|\bco-?operative\s+(?:education|work|program|placement|term|position|internship|student|experience)|\bcooperative\s+education\b/giu, kind: 'co-op' },
  { re: /\bintern(?:ship)?s?\b/giu, kind: 'internship' },
];

// Wording that ties a term to the offered position (scored), or to something else (penalized).
const OFFER_CUES =
  /\b(?:offer|offering|pleased|position|role|title|job|as\s+an?|as\s+our|join|joining|appointment|hire|hiring|employ(?:ment)?|placement|assignment|term|this|your|the\s+\w+\s+(?:intern|co-op))\b/iu;
const OTHER_CUES =
  /\b(?:previous|prior|past|former|last\s+year|alumni|alumnus|many\s+of\s+our|our\s+(?:\w+\s+)?(?:intern|co-op)s\b|return\s+offer|convert|full-time\s+(?:offer|role|position)\s+after|unlike|rather\s+than|instead\s+of|not\s+an?|is\s+not|isn't|other\s+(?:interns|co-ops)|fellow\s+(?:interns|co-ops)|intern\s+(?:events|cohort|community|class)|program\s+has)\b/iu;
const NEGATION = /\b(?:not|no\s+longer|isn't|is\s+not|rather\s+than|instead\s+of|unlike)\s+(?:an?\s+|the\s+|as\s+an?\s+)?(?:\w+\s+){0,2}$/iu;
const LABEL = /^(?:position|job|role|title|position\s+title|job\s+title|position\s+type|employment\s+type|type|classification|program)\s*(?::|\||\t)/iu;

interface Hit {
  kind: Kind;
  page: number;
  sentence: string;
  span: Span;
  term: string;
  score: number;
  order: number;
}

export function extractPositionType(letter: Letter): FoundElement<'position_type'> {
  return withPlacedEvidence(letter, findPositionType(letter));
}

function findPositionType(letter: Letter): FoundElement<'position_type'> {
  const hits: Hit[] = [];
  let order = 0;
  for (const s of letterSentences(letter)) {
    for (const { re, kind } of TERMS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.text))) {
        const before = s.text.slice(0, m.index);
        if (NEGATION.test(before)) {
          hits.push({ kind, page: s.page, sentence: s.text, span: s.span, term: m[0], score: -3, order: order++ });
          continue;
        }
        let score = 1;
        if (LABEL.test(withoutBullet(s.text))) score += 3;
        if (OFFER_CUES.test(s.text)) score += 2;
        if (/\boffer/i.test(s.text)) score += 1;
        // A title word: "Software Engineering Intern", "Co-op Engineer".
        if (/[\p{Lu}]/u.test(m[0][0])) score += 1;
        if (OTHER_CUES.test(s.text)) score -= 3;
        hits.push({ kind, page: s.page, sentence: s.text, span: s.span, term: m[0], score, order: order++ });
      }
    }
  }
  const trace: string[] = [];
  const usable = hits.filter((h) => h.score > 0);
  for (const h of hits.filter((h) => h.score <= 0).slice(0, 3)) trace.push(`ignored "${h.term}" in "${h.sentence.slice(0, 80)}": not about the offered position`);
  if (usable.length === 0) {
    trace.push('no "internship", "intern" or "co-op" describing the position');
    return missing<'position_type'>(FIX, trace);
  }
  const total = (k: Kind) => usable.filter((h) => h.kind === k).reduce((a, h) => a + h.score, 0);
  const best = (k: Kind) => usable.filter((h) => h.kind === k).sort((a, b) => b.score - a.score || a.order - b.order)[0];
  const coop = best('co-op');
  const intern = best('internship');
  let chosen: Hit;
  if (coop && intern) {
    // A co-op is often called a "co-op internship" or its students "co-op interns": co-op is the more specific
    // word, so it wins unless the internship wording is clearly the stronger description.
    const coopScore = coop.score + total('co-op') / 10;
    const internScore = intern.score + total('internship') / 10;
    chosen = internScore > coopScore + 1.5 ? intern : coop;
    trace.push(`both found: "${coop.term}" (score ${coop.score}) and "${intern.term}" (score ${intern.score}); chose ${chosen.kind}`);
  } else {
    chosen = (coop ?? intern) as Hit;
  }
  trace.push(`"${chosen.term}" in "${chosen.sentence.slice(0, 100)}"`);
  const confidence = chosen.score >= 3 ? 0.95 : chosen.score >= 2 ? 0.85 : 0.7;
  return present<'position_type'>(chosen.kind, [evidenceIn(letter, chosen.span, chosen.term)], confidence, trace);
}
