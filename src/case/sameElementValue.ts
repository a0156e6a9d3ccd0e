import type { ElementName, ValueOf } from '../report/index.js';

/**
 * The elements whose values two documents can be said to disagree on, and when they do. Only
 * values that are facts with one right answer are compared: dates, hours, pay and the work site.
 * A job title or a list of duties is worded differently from one email to the next without
 * saying anything different, so those are never compared.
 */
export const COMPARED_ELEMENTS = ['start_date', 'end_date', 'hours_per_week', 'compensation', 'work_location'] as const satisfies readonly ElementName[];
export type ComparedElement = (typeof COMPARED_ELEMENTS)[number];

export function isComparedElement(name: ElementName): name is ComparedElement {
  return (COMPARED_ELEMENTS as readonly ElementName[]).includes(name);
}

/**
 * Whether two readings of an element state the same thing. A work site is the same unless both
 * documents give a part of it and the parts differ (remote against on site, another state or ZIP
 * code): a follow-up that names only the city says nothing against the letter's full address.
 */
export function sameElementValue<K extends ComparedElement>(name: K, a: ValueOf<K>, b: ValueOf<K>): boolean {
  switch (name) {
    case 'start_date':
    case 'end_date':
      return a === b;
    case 'hours_per_week': {
      const [x, y] = [a, b] as ValueOf<'hours_per_week'>[];
      return x.min === y.min && x.max === y.max;
    }
    case 'compensation': {
      const [x, y] = [a, b] as ValueOf<'compensation'>[];
      return x.per === y.per && x.amount === y.amount && x.amountMax === y.amountMax && x.currency === y.currency;
    }
    case 'work_location': {
      const [x, y] = [a, b] as ValueOf<'work_location'>[];
      if ((x.mode === 'remote') !== (y.mode === 'remote')) return false;
      const differs = (p: string | null, q: string | null) => p !== null && q !== null && p.toUpperCase() !== q.toUpperCase();
      return !differs(x.state, y.state) && !differs(x.zip?.slice(0, 5) ?? null, y.zip?.slice(0, 5) ?? null);
    }
    default:
      return true;
  }
}
