import type { ElementName } from '../report/index.js';
import type { Letter } from './letter.js';
import type { FoundElement } from './shared/foundElement.js';
import { placeEvidence } from './layout/placeEvidence.js';
import { markOcrUncertainty } from './shared/ocrUncertainty.js';
import { extractLetterhead } from './letterhead.js';
import { extractStudentName } from './studentName.js';
import { extractPositionType } from './positionType.js';
import { extractJobTitle } from './jobTitle.js';
import { extractDuties } from './duties.js';
import { extractHoursPerWeek } from './hoursPerWeek.js';
import { extractStartDate } from './startDate.js';
import { extractEndDate } from './endDate.js';
import { extractWorkLocation } from './workLocation.js';
import { extractCompensation } from './compensation.js';
import { extractSignature } from './signature.js';
import { extractLetterDate } from './letterDate.js';
import { extractEmployerName } from './employerName.js';
import { extractSupervisor } from './supervisor.js';
import { extractProgramRelation } from './programRelation.js';
import { extractLearningObjectives } from './learningObjectives.js';

export type FoundElements = { [K in ElementName]: FoundElement<K> };

/**
 * Runs every element's detector on the letter. Each detector is independent of the others; then
 * whatever rests on poorly read OCR words is marked uncertain, and each evidence item gets the
 * letter's exact text and its box on the page.
 */
export function findElements(letter: Letter): FoundElements {
  const detected = markOcrUncertainty(detectElements(letter), letter);
  const placed = {} as Record<ElementName, FoundElement<ElementName>>;
  for (const name of Object.keys(detected) as ElementName[]) {
    placed[name] = { ...detected[name], evidence: detected[name].evidence.map((e) => placeEvidence(letter, e)) };
  }
  return placed as FoundElements;
}

function detectElements(letter: Letter): FoundElements {
  return {
    letterhead: extractLetterhead(letter),
    student_name: extractStudentName(letter),
    position_type: extractPositionType(letter),
    job_title: extractJobTitle(letter),
    duties: extractDuties(letter),
    hours_per_week: extractHoursPerWeek(letter),
    start_date: extractStartDate(letter),
    end_date: extractEndDate(letter),
    work_location: extractWorkLocation(letter),
    compensation: extractCompensation(letter),
    signature: extractSignature(letter),
    letter_date: extractLetterDate(letter),
    employer_name: extractEmployerName(letter),
    supervisor: extractSupervisor(letter),
    program_relation: extractProgramRelation(letter),
    learning_objectives: extractLearningObjectives(letter),
  };
}
