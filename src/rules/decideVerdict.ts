import type { ElementName } from '../report/index.js';
import type { Verdict } from '../report/index.js';
import type { FoundElements } from '../fields/findElements.js';
import type { RuleFinding } from './ruleContext.js';

/**
 * complete only when every required element is present and no finding is an error or asks for
 * an advisor: calling a deficient letter complete is the costly mistake (the CPT request bounces
 * weeks later), so any doubt lands in needs_review or incomplete.
 *   incomplete: a required element is missing or invalid, or a finding is an error;
 *   needs_review: otherwise, when a required element is uncertain or a finding asks for review;
 *   complete: otherwise (warnings and notes that need no decision, like full-time CPT, may remain).
 */
export function decideVerdict(elements: FoundElements, required: readonly ElementName[], findings: RuleFinding[]): Verdict {
  const statuses = required.map((name) => elements[name].status);
  if (statuses.some((s) => s === 'missing' || s === 'invalid')) return 'incomplete';
  if (findings.some((f) => f.severity === 'error')) return 'incomplete';
  if (statuses.some((s) => s === 'uncertain')) return 'needs_review';
  if (findings.some((f) => f.review === true || f.code === 'ELEMENT_UNCERTAIN')) return 'needs_review';
  return 'complete';
}
