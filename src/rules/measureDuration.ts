/** Weeks and calendar months from start to end, both inclusive; null when either is unknown or out of order. */
export function measureDuration(start: string | null, end: string | null): { weeks: number; months: number } | null {
  if (!start || !end) return null;
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return null;
  const days = (b - a) / 86_400_000 + 1;
  const [ys, ms, ds] = start.split('-').map(Number);
  const [ye, me, de] = end.split('-').map(Number);
  const daysInEndMonth = new Date(Date.UTC(ye, me, 0)).getUTCDate();
  const months = (ye - ys) * 12 + (me - ms) + (de - ds + 1) / daysInEndMonth;
  return { weeks: Math.round((days / 7) * 10) / 10, months: Math.round(months * 10) / 10 };
}
