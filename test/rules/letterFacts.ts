/**
 * Builds rule inputs in memory: a complete, acceptable letter's elements, and helpers to change
 * one element at a time. No server, no files, no field detectors.
 */
import type { EmailEnvelope } from '../../src/extract/extractedDocument.js';
import type { FoundElements } from '../../src/fields/findElements.js';
import { invalid, missing, present, type FoundElement } from '../../src/fields/shared/foundElement.js';
import type { ElementName, ValueOf } from '../../src/report/index.js';
import { ProfileSchema, type Profile, type ProfileInput } from '../../src/rules/profile.js';
import { coopProfile } from '../../src/rules/profiles/coop.js';
import { cptProfile } from '../../src/rules/profiles/cpt.js';
import { cptStrictProfile } from '../../src/rules/profiles/cptStrict.js';
import { microInternshipProfile } from '../../src/rules/profiles/microInternship.js';
import type { CallerFacts, RuleContext, RuleSettings } from '../../src/rules/ruleContext.js';
import type { CaseMerge, DocumentFacts } from '../../src/case/caseFacts.js';
import { ELEMENT_NAMES } from '../../src/report/index.js';

export const TODAY = '2027-03-01';

const quote = (text: string) => [{ page: 1, quote: text }];

/** A letter that passes every profile's rules when checked on TODAY by "Jose Nunez". */
export function goodElements(): FoundElements {
  return {
    letterhead: present<'letterhead'>({ kind: 'letterhead', organization: 'Acme Robotics, Inc.', sender: null }, quote('ACME ROBOTICS, INC.'), 0.95),
    student_name: present<'student_name'>('José A. Núñez', quote('Dear José A. Núñez'), 0.9),
    position_type: present<'position_type'>('internship', quote('summer internship'), 0.9),
    job_title: present<'job_title'>('Software Engineering Intern', quote('Software Engineering Intern'), 0.9),
    duties: present<'duties'>(['Write tests for the motion planner'], quote('write tests'), 0.8),
    hours_per_week: present<'hours_per_week'>({ min: 20, max: 20 }, quote('20 hours per week'), 0.9),
    start_date: present<'start_date'>('2027-05-03', quote('May 3, 2027'), 0.9),
    end_date: present<'end_date'>('2027-09-30', quote('September 30, 2027'), 0.9),
    work_location: present<'work_location'>(
      { mode: 'onsite', street: '1700 Lincoln Street', city: 'Denver', state: 'CO', zip: '80202' },
      quote('1700 Lincoln Street, Denver, CO 80202'),
      0.9,
    ),
    compensation: present<'compensation'>({ amount: 25, amountMax: null, currency: 'USD', per: 'hour' }, quote('$25.00 per hour'), 0.9),
    signature: present<'signature'>({ kind: 'image', signer: 'Dana Whitfield' }, quote('Dana Whitfield'), 0.8),
    letter_date: present<'letter_date'>('2027-02-10', quote('February 10, 2027'), 0.9),
    employer_name: present<'employer_name'>('Acme Robotics, Inc.', quote('Acme Robotics, Inc.'), 0.9),
    supervisor: present<'supervisor'>(
      { name: 'Lena Ortiz', title: 'Engineering Manager', email: 'lena.ortiz@acmerobotics.example', phone: null },
      quote('You will report to Lena Ortiz'),
      0.8,
    ),
    program_relation: present<'program_relation'>(
      'This internship is directly related to your major in Computer Science.',
      quote('This internship is directly related to your major in Computer Science.'),
      0.8,
    ),
    learning_objectives: present<'learning_objectives'>(
      ['Learn to write automated tests', 'Apply motion-planning methods from coursework', 'Present results to the team'],
      quote('Learning objectives'),
      0.85,
    ),
  };
}

/** The good letter with some elements replaced. */
export function withElements(changes: Partial<{ [K in ElementName]: FoundElement<K> }>): FoundElements {
  return { ...goodElements(), ...changes } as FoundElements;
}

/** The good letter with one element's value replaced (still present). */
export function withValue<K extends ElementName>(name: K, value: ValueOf<K>): FoundElements {
  const elements = goodElements();
  return { ...elements, [name]: { ...elements[name], value } } as FoundElements;
}

export function missingElement<K extends ElementName>(): FoundElement<K> {
  return missing<K>('Please state it.');
}

export function invalidElement<K extends ElementName>(value: ValueOf<K> | null): FoundElement<K> {
  return invalid<K>(value, quote('...'), 'Please correct it.');
}

export function uncertain<K extends ElementName>(element: FoundElement<K>): FoundElement<K> {
  return { ...element, status: 'uncertain', confidence: 0.4 };
}

export const PROFILES = {
  cpt: ProfileSchema.parse(cptProfile),
  coop: ProfileSchema.parse(coopProfile),
  micro: ProfileSchema.parse(microInternshipProfile),
  strict: ProfileSchema.parse(cptStrictProfile),
};

export function profileWith(input: Partial<ProfileInput> & { rules?: ProfileInput['rules'] }): Profile {
  return ProfileSchema.parse({ ...cptProfile, id: 'test', ...input });
}

export const SETTINGS: RuleSettings = { minimumWageHourly: 7.25, microInternshipWindow: { start: '01-06', end: '01-31' } };

export interface ContextOptions {
  elements?: FoundElements;
  profile?: Profile;
  caller?: CallerFacts;
  today?: string;
  email?: EmailEnvelope | null;
  settings?: RuleSettings;
  documents?: DocumentFacts[];
  merge?: { sources?: Partial<CaseMerge['sources']>; disagreements?: CaseMerge['disagreements'] };
}

/** The letter as one text PDF, signed by nothing that verifies the signer. */
export function letterDocument(changes: Partial<DocumentFacts> = {}): DocumentFacts {
  return { index: 0, fileName: 'offer.pdf', role: 'letter', kind: 'pdf', mediaType: 'application/pdf', sender: null, verifiedSignature: [], ...changes };
}

/** A follow-up email from the given address. */
export function followUpEmail(index: number, sender: string, changes: Partial<DocumentFacts> = {}): DocumentFacts {
  return { index, fileName: `followup-${index}.eml`, role: 'follow-up', kind: 'email', mediaType: 'message/rfc822', sender, verifiedSignature: [], ...changes };
}

export function contextOf(options: ContextOptions = {}): RuleContext {
  const elements = options.elements ?? goodElements();
  const sources = Object.fromEntries(ELEMENT_NAMES.map((n) => [n, elements[n].status === 'missing' ? null : 0])) as CaseMerge['sources'];
  return {
    elements,
    profile: options.profile ?? PROFILES.cpt,
    caller: options.caller ?? {},
    today: options.today ?? TODAY,
    email: options.email ?? null,
    settings: options.settings ?? SETTINGS,
    documents: options.documents ?? [letterDocument()],
    merge: { sources: { ...sources, ...options.merge?.sources }, disagreements: options.merge?.disagreements ?? [] },
  };
}

export function emailFrom(address: string): EmailEnvelope {
  return { from: { name: 'Recruiting', address }, to: [{ name: 'Jose Nunez', address: 'jose@student.example' }], date: '2027-02-10', subject: 'Your offer' };
}
