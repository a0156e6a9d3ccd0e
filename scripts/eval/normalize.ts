/** How the evaluation compares values: forgiving of case, spacing, punctuation and accents, exact on numbers and dates. */

/** Lower case, no accents, punctuation as spaces, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const LEGAL_SUFFIX = /\s+(inc|incorporated|llc|llp|lp|ltd|corp|corporation|co|p c|pc|plc)$/;

/** A company name without its legal form: "Brightwater Analytics, Inc." -> "brightwater analytics". */
export function foldOrganization(name: string): string {
  let folded = foldText(name);
  for (let previous = ''; previous !== folded; ) {
    previous = folded;
    folded = folded.replace(LEGAL_SUFFIX, '');
  }
  return folded;
}

export function sameText(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return foldText(a) === foldText(b);
}

/** One organization name contains the other, once both are folded ("Acme" ~ "Acme Robotics Talent Team"). */
export function sameOrganization(expected: string, got: string | null): boolean {
  if (got === null) return false;
  const e = foldOrganization(expected);
  const g = foldOrganization(got);
  if (!e || !g) return false;
  return ` ${g} `.includes(` ${e} `) || ` ${e} `.includes(` ${g} `);
}

/**
 * The part of a street line two readers agree on: the house number and the first word of the
 * street name ("1700 Lincoln Street, Suite 2100" -> "1700 lincoln"), or the box of a PO Box.
 */
export function streetKey(street: string): string {
  const folded = foldText(street);
  const box = /^p\s*o\s*box\s+(\w+)/.exec(folded);
  if (box) return `po box ${box[1]}`;
  const numbered = /^(\d+[a-z]?)\s+(\w+)/.exec(folded);
  if (numbered) return `${numbered[1]} ${numbered[2]}`;
  return folded.split(' ').slice(0, 2).join(' ');
}

export function digits(text: string): string {
  return text.replace(/\D/g, '');
}
