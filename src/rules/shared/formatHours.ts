import type { ValueOf } from '../../report/index.js';

/** "20 hours", "15 to 25 hours", or "up to 20 hours". */
export function formatHours(hours: ValueOf<'hours_per_week'>): string {
  if (hours.min === null) return `up to ${hours.max} hours`;
  return hours.min === hours.max ? `${hours.max} hours` : `${hours.min} to ${hours.max} hours`;
}
