import type { FoundElements } from '../fields/findElements.js';
import { ELEMENT_NAMES, type ElementName, type Elements, type Finding, type Verdict } from '../report/index.js';
import { checkAcceptedFormats } from './checkAcceptedFormats.js';
import { checkAddressee } from './checkAddressee.js';
import { checkAuthorizationReminder } from './checkAuthorizationReminder.js';
import { checkCallerEndDate } from './checkCallerEndDate.js';
import { checkCallerStartDate } from './checkCallerStartDate.js';
import { checkCompleteness } from './checkCompleteness.js';
import { checkDateWindow } from './checkDateWindow.js';
import { checkDocumentsAgree } from './checkDocumentsAgree.js';
import { checkEmployer } from './checkEmployer.js';
import { checkEndAfterStart } from './checkEndAfterStart.js';
import { checkEndByGraduation } from './checkEndByGraduation.js';
import { checkEndByTermEnd } from './checkEndByTermEnd.js';
import { checkFollowUpSender } from './checkFollowUpSender.js';
import { checkFreeMailDomain } from './checkFreeMailDomain.js';
import { checkFullTimeCpt } from './checkFullTimeCpt.js';
import { checkHoursRange } from './checkHoursRange.js';
import { checkLearningObjectives } from './checkLearningObjectives.js';
import { checkLetterAge } from './checkLetterAge.js';
import { checkMinimumHours } from './checkMinimumHours.js';
import { checkMinimumWage } from './checkMinimumWage.js';
import { checkPoBox } from './checkPoBox.js';
import { checkProgramDuration } from './checkProgramDuration.js';
import { checkRemoteState } from './checkRemoteState.js';
import { checkRemoteWork } from './checkRemoteWork.js';
import { checkSignatureKind } from './checkSignatureKind.js';
import { checkStartAfterLetterDate } from './checkStartAfterLetterDate.js';
import { checkStartDatePast } from './checkStartDatePast.js';
import { checkStartLeadTime } from './checkStartLeadTime.js';
import { checkSupervisorContact } from './checkSupervisorContact.js';
import { checkTermHours } from './checkTermHours.js';
import { checkTypedSignature } from './checkTypedSignature.js';
import { checkUnpaid } from './checkUnpaid.js';
import { checkWorkAddressComplete } from './checkWorkAddressComplete.js';
import { checkZipState } from './checkZipState.js';
import { decideVerdict } from './decideVerdict.js';
import { measureDuration } from './measureDuration.js';
import type { Rule, RuleContext, RuleFinding } from './ruleContext.js';

/**
 * Every rule that judges what the letter says, in the order their findings are listed (checklist
 * order: the case's documents, sender and addressee, hours, dates, work site, pay, then the
 * program's own rules).
 * Completeness runs after them, on the elements as the rules leave them.
 */
export const RULES: Rule[] = [
  checkDocumentsAgree,
  checkFollowUpSender,
  checkAcceptedFormats,
  checkFreeMailDomain,
  checkAddressee,
  checkEmployer,
  checkHoursRange,
  checkFullTimeCpt,
  checkMinimumHours,
  checkTermHours,
  checkEndAfterStart,
  checkStartDatePast,
  checkStartLeadTime,
  checkStartAfterLetterDate,
  checkCallerStartDate,
  checkCallerEndDate,
  checkEndByGraduation,
  checkEndByTermEnd,
  checkProgramDuration,
  checkDateWindow,
  checkAuthorizationReminder,
  checkPoBox,
  checkWorkAddressComplete,
  checkZipState,
  checkRemoteState,
  checkRemoteWork,
  checkUnpaid,
  checkMinimumWage,
  checkLetterAge,
  checkTypedSignature,
  checkSignatureKind,
  checkSupervisorContact,
  checkLearningObjectives,
];

export interface Judgement {
  elements: Elements;
  findings: Finding[];
  verdict: Verdict;
  duration: { weeks: number; months: number } | null;
}

const UNRELIABLE_READING = ' We could not read this part of the letter reliably, so an advisor should check it before anything is sent back.';

/**
 * A finding about an element read from poor OCR may rest on a misread character (a ZIP's 8 read
 * as 3): it cannot send the letter back on its own, so an error there becomes a warning to review.
 */
function softenOnUncertainReading(finding: RuleFinding, elements: FoundElements): RuleFinding {
  if (finding.severity !== 'error' || finding.element === null || elements[finding.element].status !== 'uncertain') return finding;
  const { invalidates: _ignored, ...rest } = finding;
  return { ...rest, severity: 'warning', message: finding.message + UNRELIABLE_READING, review: true };
}

/** Applies the rules' `invalidates`: the element is marked invalid, with the rule's request to the employer and the reason in its trace. */
function applyInvalidations(elements: FoundElements, findings: RuleFinding[]): FoundElements {
  const adjusted = { ...elements } as Record<ElementName, FoundElements[ElementName]>;
  for (const finding of findings) {
    if (!finding.invalidates || finding.element === null) continue;
    const element = adjusted[finding.element];
    adjusted[finding.element] = {
      ...element,
      status: 'invalid',
      fix: finding.invalidates.fix,
      trace: [...element.trace, `not accepted (${finding.code}): ${finding.message}`],
    } as FoundElements[ElementName];
  }
  return adjusted as FoundElements;
}

function toFinding({ review: _review, invalidates: _invalidates, ...finding }: RuleFinding): Finding {
  return finding;
}

/** Found elements + a profile + what the caller told us -> the office's decision, with every reason listed. */
export function judgeLetter(context: RuleContext): Judgement {
  const ruleFindings = RULES.flatMap((rule) => rule(context)).map((f) => softenOnUncertainReading(f, context.elements));
  const elements = applyInvalidations(context.elements, ruleFindings);
  // A specific error on an element (a PO Box) already says why it is invalid; the generic ELEMENT_INVALID would repeat it.
  const explained = new Set(ruleFindings.filter((f) => f.severity === 'error').map((f) => f.element));
  const completeness = checkCompleteness({ ...context, elements }).filter((f) => !(f.code === 'ELEMENT_INVALID' && explained.has(f.element)));
  const findings = [...completeness, ...ruleFindings];

  const required = ELEMENT_NAMES.filter((name) => context.profile.requires.includes(name));
  const reported = Object.fromEntries(
    ELEMENT_NAMES.map((name) => [name, { ...elements[name], required: required.includes(name) }]),
  ) as unknown as Elements;
  return {
    elements: reported,
    findings: findings.map(toFinding),
    verdict: decideVerdict(elements, required, findings),
    duration: measureDuration(elements.start_date.value, elements.end_date.value),
  };
}
