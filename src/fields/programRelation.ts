import { layoutOf } from './layout/layoutView.js';
import { evidenceAt } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';

/**
 * A statement of how the work relates to the student's program of study: what academic internship
 * agreements and some CPT checklists ask the employer to write ("This internship is directly
 * related to your major in Computer Science"; "you will apply the statistics of your coursework").
 * Optional: required only by the profiles that ask for it.
 */

const FIX =
  'Please add a sentence on how the work relates to the student\'s program of study (for example "The position applies the data analysis methods of the student\'s Statistics degree").';

// The student's studies. "program" alone is not enough: "our summer internship program" is the employer's.
const STUDIES =
  /\b(?:program(?:me)?\s+of\s+study|(?:field|course|area|plan)\s+of\s+study|(?:academic|degree|study|graduate|undergraduate|master['’]?s|doctoral|ph\.?d\.?)\s+program(?:me)?|(?:your|the\s+student['’]s|the\s+intern['’]s|his|her|their)\s+(?:(?!(?:internship|co-?op|training|onboarding|mentor\w*|rotation|benefits?|wellness|employee|referral)\b)[\p{L}&'’-]+\s+){0,3}(?:program(?:me)?|major|degree|studies|concentration|discipline)|major\s+in|degree\s+in|studies\s+in|coursework|course\s*work|curriculum|academic\s+(?:studies|training|work|goals|background|preparation|learning)|classroom\s+(?:learning|instruction|knowledge))\b/iu;

// How the work is said to stand to them.
const RELATION =
  /\b(?:relat(?:es|ed|ing)\s+(?:directly\s+|closely\s+)?to|(?:directly|closely)\s+related|connect(?:s|ed)?\s+(?:directly\s+)?(?:with|to)|ties?\s+(?:in\s+)?(?:with|to)|tied\s+to|align(?:s|ed)?\s+with|in\s+line\s+with|integral\s+(?:part|component)\s+of|complement(?:s|ing)?|appl(?:y|ies|ying)\s+(?:the|what|your|skills|knowledge|concepts|methods|theor\w+|principles|lessons|techniques)|put\s+into\s+practice|builds?\s+(?:on|upon)|reinforc(?:e|es|ing)|relevan(?:t|ce)\s+to|consistent\s+with|part\s+of\s+(?:your|the\s+student['’]s|the\s+intern['’]s|his|her|their)|required\s+(?:by|for|as\s+part\s+of)|counts?\s+toward|fulfil(?:l|ls|s)?|satisf(?:y|ies))\b/iu;

// "Relation to academic program: …", "Academic relevance: …".
const RELATION_LABEL =
  /^(?:relation(?:ship)?|relevance|connection|link)\s+(?:to|with)\s+(?:the\s+|your\s+)?(?:academic\s+)?(?:program(?:me)?|studies|major|degree|curriculum|field\s+of\s+study)|^academic\s+(?:relevance|connection|relationship|objectives?\s+of\s+the\s+(?:internship|position))/iu;

// Past this a "sentence" is a paragraph the layout could not split: quote it, but it is no statement of one thing.
const MAX_STATEMENT = 400;

export function extractProgramRelation(letter: Letter): FoundElement<'program_relation'> {
  const view = layoutOf(letter);
  for (const pair of view.labelled()) {
    if (!RELATION_LABEL.test(pair.label.text.trim()) || pair.value.text.trim().length < 10) continue;
    const evidence = evidenceAt(letter, pair.value.span);
    return present<'program_relation'>(evidence.quote.trim(), [evidence], 0.85, [`labelled "${pair.label.text.trim()}"`]);
  }
  for (const sentence of view.sentences()) {
    if (sentence.region === 'envelope' || sentence.text.length > MAX_STATEMENT) continue;
    const studies = STUDIES.exec(sentence.text);
    const relation = RELATION.exec(sentence.text);
    if (!studies || !relation) continue;
    const evidence = evidenceAt(letter, sentence.span);
    return present<'program_relation'>(evidence.quote.trim(), [evidence], 0.8, [`"${relation[0]}" with "${studies[0]}" in one sentence`]);
  }
  return missing<'program_relation'>(FIX, ['no sentence says how the work relates to the student\'s studies']);
}
