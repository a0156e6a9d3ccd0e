import type { ValueOf } from '../../report/index.js';

/** "20 hours" or "15 to 25 hours". */
export function formatHours(hours: ValueOf<'hours_per_week'>): string {
  return hours.min === hours.max ? `${hours.max} hours` : `${hours.min} to ${hours.max} hours`;
}
