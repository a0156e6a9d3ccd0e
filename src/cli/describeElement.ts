import type { ElementName, ElementStatus, Elements } from '../report/index.js';

/** The checklist's items as a student reads them: one definition, in the contract (the web form gets them from GET /v1/profiles). */
export { ELEMENT_LABELS } from '../report/index.js';

/** An icon and a word: the mark must read right without color and on a terminal without Unicode fonts' help. */
export const STATUS_MARKS: Record<ElementStatus, { icon: string; word: string }> = {
  present: { icon: '✓', word: 'present' },
  missing: { icon: '✗', word: 'missing' },
  invalid: { icon: '!', word: 'not acceptable' },
  uncertain: { icon: '?', word: 'uncertain' },
};

const PER: Record<string, string> = {
  hour: 'per hour',
  week: 'per week',
  biweekly: 'every two weeks',
  semimonthly: 'twice a month',
  month: 'per month',
  year: 'per year',
  total: 'in total',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return MONTHS[m - 1] ? `${MONTHS[m - 1]} ${d}, ${y}` : iso;
}

function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** An element's normalized value in words; null when it has none. */
export function describeValue<K extends ElementName>(name: K, value: Elements[K]['value']): string | null {
  if (value === null || value === undefined) return null;
  switch (name) {
    case 'letterhead': {
      const { kind, organization, sender } = value as Elements['letterhead']['value'] & object;
      if (kind === 'email') return `Email${sender ? ` from ${sender}` : ''}${organization ? ` (${organization})` : ''}`;
      return `Letterhead${organization ? ` of ${organization}` : ''}`;
    }
    case 'position_type':
      return value === 'co-op' ? 'Co-op' : 'Internship';
    case 'duties':
    case 'learning_objectives':
      return (value as string[]).join('; ');
    case 'hours_per_week': {
      const { min, max } = value as Elements['hours_per_week']['value'] & object;
      return min === max ? `${min} hours a week` : `${min}-${max} hours a week`;
    }
    case 'start_date':
    case 'end_date':
    case 'letter_date':
      return formatIsoDate(value as string);
    case 'work_location': {
      const { mode, street, city, state, zip } = value as Elements['work_location']['value'] & object;
      const place = [street, city, [state, zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      if (mode === 'remote') return place ? `Remote (${place})` : 'Remote';
      if (mode === 'hybrid') return place ? `Hybrid: ${place}` : 'Hybrid';
      return place;
    }
    case 'compensation': {
      const { amount, amountMax, currency, per } = value as Elements['compensation']['value'] & object;
      if (per === 'unpaid') return 'Unpaid';
      if (amount === null) return `Paid ${PER[per] ?? ''}`.trim();
      const shown = amountMax !== null && amountMax !== amount ? `${formatMoney(amount, currency)}-${formatMoney(amountMax, currency)}` : formatMoney(amount, currency);
      return `${shown} ${PER[per] ?? ''}`.trim();
    }
    case 'signature': {
      const { kind, signer } = value as Elements['signature']['value'] & object;
      const how = { image: 'Signed', electronic: 'Signed electronically', typed: 'Typed name only' }[kind];
      return signer ? `${how} by ${signer}` : how;
    }
    case 'supervisor': {
      const { name: person, title, email, phone } = value as Elements['supervisor']['value'] & object;
      return [person, title, email, phone].filter(Boolean).join(', ');
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
