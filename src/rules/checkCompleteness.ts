import { ELEMENT_NAMES, type Finding } from '../report/index.js';
import type { Rule } from './ruleContext.js';

const LABELS: Record<string, string> = {
  letterhead: 'company letterhead or an official email',
  student_name: "the student's name",
  position_type: 'that the position is an internship or a co-op',
  job_title: 'the job title',
  duties: 'a description of the duties',
  hours_per_week: 'the hours per week',
  start_date: 'the start date',
  end_date: 'the end date',
  work_location: 'the work address or a statement that the work is remote',
  compensation: 'the salary or compensation',
  signature: "the employer's signature",
  letter_date: "the letter's date",
  employer_name: "the employer's name",
  supervisor: "the supervisor's name and contact",
};

/** One finding per required element that is missing, invalid or uncertain; elements the profile does not require are reported but never flagged. */
export const checkCompleteness: Rule = ({ elements, profile }) => {
  const findings: Finding[] = [];
  for (const name of ELEMENT_NAMES) {
    if (!profile.requires.includes(name)) continue;
    const element = elements[name];
    const label = LABELS[name];
    if (element.status === 'missing') {
      findings.push({ code: 'ELEMENT_MISSING', severity: 'error', element: name, message: `The letter does not state ${label}.` });
    } else if (element.status === 'invalid') {
      const ask = element.fix ? ` Ask the employer: "${element.fix}"` : '';
      findings.push({ code: 'ELEMENT_INVALID', severity: 'error', element: name, message: `The letter states ${label}, but not in a form the office can accept.${ask}` });
    } else if (element.status === 'uncertain') {
      findings.push({ code: 'ELEMENT_UNCERTAIN', severity: 'warning', element: name, message: `We could not read ${label} reliably; an advisor should check it.` });
    }
  }
  return findings;
};
