import { splitListMarker } from '../extract/layout/listMarker.js';
import { layoutOf, type ViewLine } from './layout/layoutView.js';
import { evidenceAt } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { missing, present, type FoundElement, type FoundEvidence } from './shared/foundElement.js';

/**
 * The learning goals or objectives the letter lists: what academic internship agreements ask the
 * employer to set out ("Learning objectives: 1. … 2. …"). Each item of the list under such a
 * heading is one objective; a heading followed by items on its own line ("Learning goals: a; b; c")
 * counts those. Optional: required only by the profiles that ask, which also say how many.
 */

const FIX = 'Please list the learning objectives of the position, one per line (for example "1. Learn to build and test data pipelines").';

// "Learning Objectives", "Student learning goals:", "Internship learning outcomes", "Educational objectives".
const HEADING =
  /^(?:(?:student|intern(?:ship)?|co-?op|your|specific|key|main|primary|expected|the)\s+)*(?:(?:learning|educational|academic|professional\s+development)\s+(?:objectives|goals|outcomes)|objectives|goals)(?:\s+(?:for|of)\s+(?:the|this|your)\s+(?:internship|co-?op|position|placement|role))?(?:\s+(?:are|include|will\s+be))?\s*(?:[:\-–—]\s*(.*))?$/iu;

// A heading is a short line; past this it is a sentence that happens to start with "Goals".
const MAX_HEADING = 90;
const MAX_ITEMS = 20;

/** The item's text: a list item's lines joined, without its marker. */
function itemText(line: ViewLine, lines: readonly ViewLine[], at: number): { text: string; end: number } {
  if (line.item) {
    let end = at;
    while (end + 1 < lines.length && lines[end + 1].item === line.item) end++;
    return { text: lines.slice(at, end + 1).map((l) => l.text).join(' '), end };
  }
  return { text: splitListMarker(line.text)?.text ?? line.text, end: at };
}

export function extractLearningObjectives(letter: Letter): FoundElement<'learning_objectives'> {
  const lines = layoutOf(letter).lines({ region: ['body', 'closing'] });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.length > MAX_HEADING || line.item) continue;
    const heading = HEADING.exec(line.text.trim());
    if (!heading) continue;
    const objectives: string[] = [];
    const evidence: FoundEvidence[] = [];
    const inline = heading[1]?.trim();
    if (inline) {
      // "Learning goals: build a pipeline; test it; present the results."
      const parts = inline.split(/\s*;\s*/).map((p) => p.replace(/^(?:and|or)\s+/iu, '').replace(/[.;]$/, '').trim()).filter((p) => p.length > 2);
      if (parts.length > 0) {
        objectives.push(...parts);
        evidence.push(evidenceAt(letter, line.span));
      }
    }
    for (let k = i + 1; k < lines.length && objectives.length < MAX_ITEMS; k++) {
      const next = lines[k];
      const marked = next.item !== null || splitListMarker(next.text) !== null;
      if (!marked) break;
      const { text, end } = itemText(next, lines, k);
      objectives.push(text.replace(/\s+/g, ' ').replace(/[;,]$/, '').trim());
      evidence.push(evidenceAt(letter, { ...next.span, end: lines[end].page === next.page ? lines[end].span.end : next.span.end }));
      k = end;
    }
    if (objectives.length === 0) continue;
    return present<'learning_objectives'>(objectives, evidence, 0.85, [`${objectives.length} item(s) under "${line.text.trim().slice(0, 60)}"`]);
  }
  return missing<'learning_objectives'>(FIX, ['no heading "Learning objectives" or "Goals" with items under it']);
}
