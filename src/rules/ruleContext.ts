import type { CaseMerge, DocumentFacts } from '../case/caseFacts.js';
import type { EmailEnvelope } from '../extract/extractedDocument.js';
import type { FoundElements } from '../fields/findElements.js';
import type { Finding } from '../report/index.js';
import type { Profile } from './profile.js';

/** What the caller told us about the letter, to compare with what it says. All optional. */
export interface CallerFacts {
  studentName?: string;
  employer?: string;
  startDate?: string;
  endDate?: string;
  graduationDate?: string;
  /** YYYY-MM-DD: the day the CPT request goes to the office; business days before the start count from it. */
  submissionDate?: string;
  /** YYYY-MM-DD: the last day of the term; the position must end by it where the profile asks. */
  termEndDate?: string;
  program?: 'cpt' | 'coop' | 'micro-internship';
}

/** Settings the rules read: numbers that change by law or by school, kept out of the code. */
export interface RuleSettings {
  minimumWageHourly: number;
  /** MM-DD days of the year. */
  microInternshipWindow: { start: string; end: string };
}

export interface RuleContext {
  elements: FoundElements;
  profile: Profile;
  caller: CallerFacts;
  /** YYYY-MM-DD: the day the letter is checked. */
  today: string;
  /** The letter's email headers, when the letter is an email. */
  email: EmailEnvelope | null;
  settings: RuleSettings;
  /** Every document read, the letter first: one for a single letter. */
  documents: DocumentFacts[];
  /** Which document each element came from, and where the documents disagree. */
  merge: Pick<CaseMerge, 'sources' | 'disagreements'>;
}

/**
 * A finding as a rule returns it. Two things only the rule can know travel with it and are
 * taken off before the report is built:
 * - `review`: nothing is wrong enough to send the letter back, but an advisor has to decide
 *   (an unpaid position, a name spelled differently); the verdict becomes needs_review.
 * - `invalidates`: the rule shows that the element, as read, cannot be accepted (a PO Box as
 *   the work site); the report marks the element invalid with this request to the employer.
 */
export interface RuleFinding extends Finding {
  review?: boolean;
  invalidates?: { fix: string };
}

/** A rule reads the context and returns its findings (none when the letter passes it). */
export type Rule = (context: RuleContext) => RuleFinding[];
