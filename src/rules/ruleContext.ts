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
  program?: 'cpt' | 'coop' | 'micro-internship';
}

/** Settings the rules read: numbers that change by law or by school, kept out of the code. */
export interface RuleSettings {
  minimumWageHourly: number;
  microInternshipWindow: { start: string; end: string };
}

export interface RuleContext {
  elements: FoundElements;
  profile: Profile;
  caller: CallerFacts;
  /** YYYY-MM-DD: the day the letter is checked. */
  today: string;
  email: EmailEnvelope | null;
  settings: RuleSettings;
}

/** A rule reads the context and returns its findings (none when the letter passes it). */
export type Rule = (context: RuleContext) => Finding[];
