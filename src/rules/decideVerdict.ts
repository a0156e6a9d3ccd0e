import type { ElementName, Finding, Verdict } from '../report/index.js';
import type { FoundElements } from '../fields/findElements.js';

/**
 * complete only when every required element is present and no finding is an error: calling a
 * deficient letter complete is the costly mistake (the CPT request bounces weeks later), so any
 * doubt lands in needs_review or incomplete.
 */
export function decideVerdict(elements: FoundElements, required: readonly ElementName[], findings: Finding[]): Verdict {
  const statuses = required.map((name) => elements[name].status);
  if (statuses.some((s) => s === 'missing' || s === 'invalid')) return 'incomplete';
  if (findings.some((f) => f.severity === 'error')) return 'incomplete';
  if (statuses.some((s) => s === 'uncertain')) return 'needs_review';
  return 'complete';
}
