import { ELEMENT_NAMES, type ElementName, type Finding } from '../report/index.js';
import type { Rule } from './ruleContext.js';

/** What the office would say of each element when it is not in the letter, in words a student reads. */
const MISSING: Record<ElementName, string> = {
  letterhead: 'The letter is not on company letterhead and is not an official email from the company.',
  student_name: 'The letter is not addressed to you by name.',
  position_type: 'The letter does not say whether the position is an internship or a co-op.',
  job_title: 'The letter does not give the job title.',
  duties: 'The letter does not describe your duties.',
  hours_per_week: 'The letter does not state the hours per week.',
  start_date: 'The letter does not give the start date.',
  end_date: 'The letter does not give the end date.',
  work_location: 'The letter does not give the work address or say that the work is remote.',
  compensation: 'The letter does not state the pay (or that the position is unpaid).',
  signature: 'The letter is not signed by the employer.',
  letter_date: 'The letter is not dated.',
  employer_name: 'The letter does not name the employer.',
  supervisor: 'The letter does not name your supervisor.',
  program_relation: 'The letter does not say how the work relates to your program of study.',
  learning_objectives: 'The letter does not list learning objectives for the position.',
};

/** The element in a few words, for findings about an element that is there but not usable. */
const LABELS: Record<ElementName, string> = {
  letterhead: 'the company letterhead or official email',
  student_name: 'your name',
  position_type: 'the kind of position (internship or co-op)',
  job_title: 'the job title',
  duties: 'the duties',
  hours_per_week: 'the hours per week',
  start_date: 'the start date',
  end_date: 'the end date',
  work_location: 'the work location',
  compensation: 'the pay',
  signature: "the employer's signature",
  letter_date: "the letter's date",
  employer_name: "the employer's name",
  supervisor: 'the supervisor',
  program_relation: 'how the work relates to your program of study',
  learning_objectives: 'the learning objectives',
};

/** One finding per required element that is missing, invalid or uncertain; elements the profile does not require are reported but never flagged. */
export const checkCompleteness: Rule = ({ elements, profile }) => {
  const findings: Finding[] = [];
  for (const name of ELEMENT_NAMES) {
    if (!profile.requires.includes(name)) continue;
    const element = elements[name];
    const label = LABELS[name];
    if (element.status === 'missing') {
      findings.push({ code: 'ELEMENT_MISSING', severity: 'error', element: name, message: MISSING[name] });
    } else if (element.status === 'invalid') {
      const ask = element.fix ? ` Ask the employer: "${element.fix}"` : '';
      findings.push({ code: 'ELEMENT_INVALID', severity: 'error', element: name, message: `The letter gives ${label}, but not in a form the office can accept.${ask}` });
    } else if (element.status === 'uncertain') {
      findings.push({ code: 'ELEMENT_UNCERTAIN', severity: 'warning', element: name, message: `We could not read ${label} reliably; an advisor should check it.` });
    }
  }
  return findings;
};
