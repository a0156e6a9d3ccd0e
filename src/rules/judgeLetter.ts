import { ELEMENT_NAMES, type Elements, type Finding, type Verdict } from '../report/index.js';
import { checkCompleteness } from './checkCompleteness.js';
import { decideVerdict } from './decideVerdict.js';
import { measureDuration } from './measureDuration.js';
import type { Rule, RuleContext } from './ruleContext.js';

/** Every rule, in the order their findings are listed. */
export const RULES: Rule[] = [checkCompleteness];

export interface Judgement {
  elements: Elements;
  findings: Finding[];
  verdict: Verdict;
  duration: { weeks: number; months: number } | null;
}

/** Findings + a profile + what the caller told us -> the office's decision. */
export function judgeLetter(context: RuleContext): Judgement {
  const findings = RULES.flatMap((rule) => rule(context));
  const required = ELEMENT_NAMES.filter((name) => context.profile.requires.includes(name));
  const elements = Object.fromEntries(
    ELEMENT_NAMES.map((name) => [name, { ...context.elements[name], required: required.includes(name) }]),
  ) as unknown as Elements;
  return {
    elements,
    findings,
    verdict: decideVerdict(context.elements, required, findings),
    duration: measureDuration(context.elements.start_date.value, context.elements.end_date.value),
  };
}
