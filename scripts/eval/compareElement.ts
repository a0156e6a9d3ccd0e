/**
 * Compares one element of a report with its label. Status must match exactly; the value is
 * compared with the rule for its kind (see normalize.ts), and only when the label has one.
 */
import type { ExpectedElements, LabelledElement } from './labelsSchema.js';
import { digits, foldOrganization, sameOrganization, sameText, streetKey } from './normalize.js';

export interface GotElement {
  status: string;
  value: unknown;
}

export interface ElementComparison {
  ok: boolean;
  statusOk: boolean;
  valueOk: boolean;
  /** Why it is wrong, in a few words; null when right. */
  reason: string | null;
}

type Value<K extends LabelledElement> = NonNullable<ExpectedElements[K]['value']>;
type Check<K extends LabelledElement> = (expected: Value<K>, got: Record<string, unknown>) => string | null;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function stringCheck(expected: string, got: unknown, what: string): string | null {
  return typeof got === 'string' && sameText(expected, got) ? null : `${what} differs`;
}

function fields(got: unknown): Record<string, unknown> {
  return got !== null && typeof got === 'object' && !Array.isArray(got) ? (got as Record<string, unknown>) : {};
}

const CHECKS: { [K in LabelledElement]: (expected: Value<K>, got: unknown) => string | null } = {
  letterhead: (e, got) => {
    const g = fields(got);
    if (g.kind !== e.kind) return `kind ${String(g.kind)} instead of ${e.kind}`;
    if (e.organization !== null && !sameOrganization(e.organization, str(g.organization))) return 'organization differs';
    if (e.sender !== null && str(g.sender)?.toLowerCase() !== e.sender.toLowerCase()) return 'sender differs';
    return null;
  },
  student_name: (e, got) => stringCheck(e, got, 'name'),
  position_type: (e, got) => (got === e ? null : 'type differs'),
  job_title: (e, got) => stringCheck(e, got, 'title'),
  duties: (_e, got) => (Array.isArray(got) && got.some((d) => typeof d === 'string' && d.trim()) ? null : 'no duties listed'),
  hours_per_week: (e, got) => {
    const g = fields(got);
    return (g.min === null ? null : num(g.min)) === e.min && num(g.max) === e.max ? null : 'hours differ';
  },
  start_date: (e, got) => (got === e ? null : 'date differs'),
  end_date: (e, got) => (got === e ? null : 'date differs'),
  letter_date: (e, got) => (got === e ? null : 'date differs'),
  work_location: (e, got) => {
    const g = fields(got);
    const problems: string[] = [];
    if (g.mode !== e.mode) problems.push('mode');
    if (!sameText(e.city, str(g.city))) problems.push('city');
    if ((e.state ?? null) !== (str(g.state)?.toUpperCase() ?? null)) problems.push('state');
    if ((e.zip ?? null) !== (str(g.zip)?.trim() ?? null)) problems.push('zip');
    const gs = str(g.street);
    if (e.street === null ? gs !== null : gs === null || streetKey(e.street) !== streetKey(gs)) problems.push('street');
    return problems.length ? `${problems.join(', ')} differ${problems.length === 1 ? 's' : ''}` : null;
  },
  compensation: (e, got) => {
    const g = fields(got);
    const problems: string[] = [];
    if (num(g.amount) !== e.amount) problems.push('amount');
    if (num(g.amountMax) !== e.amountMax) problems.push('amountMax');
    if (g.per !== e.per) problems.push('per');
    if (g.currency !== e.currency) problems.push('currency');
    return problems.length ? `${problems.join(', ')} differ${problems.length === 1 ? 's' : ''}` : null;
  },
  signature: (e, got) => {
    const g = fields(got);
    if (g.kind !== e.kind) return `kind ${String(g.kind)} instead of ${e.kind}`;
    if (e.signer !== null && !sameText(e.signer, str(g.signer))) return 'signer differs';
    return null;
  },
  employer_name: (e, got) => (typeof got === 'string' && foldOrganization(got) === foldOrganization(e) ? null : 'name differs'),
  supervisor: (e, got) => {
    const g = fields(got);
    if (!sameText(e.name, str(g.name))) return 'name differs';
    if (e.email !== null && str(g.email)?.toLowerCase() !== e.email.toLowerCase()) return 'email differs';
    // Title and phone are extras: wrong ones count, absent ones do not.
    if (e.title !== null && str(g.title) !== null && !sameOrganization(e.title, str(g.title))) return 'title differs';
    if (e.phone !== null && str(g.phone) !== null && digits(e.phone) !== digits(str(g.phone)!)) return 'phone differs';
    return null;
  },
};

export function compareElement<K extends LabelledElement>(name: K, expected: ExpectedElements[K], got: GotElement | undefined): ElementComparison {
  if (!got) return { ok: false, statusOk: false, valueOk: false, reason: 'element absent from the report' };
  const statusOk = got.status === expected.status;
  let valueReason: string | null = null;
  if (expected.value !== null) {
    valueReason = got.value === null || got.value === undefined ? 'no value' : (CHECKS[name] as Check<K>)(expected.value as Value<K>, got.value as Record<string, unknown>);
  }
  const valueOk = valueReason === null;
  const reason = !statusOk ? `status ${got.status} instead of ${expected.status}${valueReason ? `; ${valueReason}` : ''}` : valueReason;
  return { ok: statusOk && valueOk, statusOk, valueOk, reason };
}
