import { createRequire } from 'node:module';
import { lettersApart } from './lettersApart.js';

interface ZipRecord {
  city: string;
  state: string;
}

let cities: Set<string> | null = null;
let codes: Record<string, ZipRecord> | null = null;

/** The `zipcodes` package's bundled list (offline), loaded on first use. */
function zipRecords(): Record<string, ZipRecord> {
  codes ??= (createRequire(import.meta.url)('zipcodes/lib/codes.js') as { codes: Record<string, ZipRecord> }).codes;
  return codes;
}

/** US place names, from the ZIP list. */
function cityNames(): Set<string> {
  cities ??= new Set(Object.values(zipRecords()).map((r) => r.city.toLowerCase()));
  return cities;
}

/** Whether `name` is a US city or town ("Seattle", "Kansas City"); "Pediatric Genomics" is not. */
export function isUsCity(name: string): boolean {
  return cityNames().has(name.trim().replace(/\s+/g, ' ').toLowerCase());
}

/**
 * The city as the ZIP code names it, where the letter's spelling is a slip of it: OCR reads "Salt
 * Lake City" as "Sait Lake City", and the ZIP beside it says which city it is. Only for a name
 * that is no US city, in the ZIP's state, at most two letters off; otherwise the name as written.
 */
export function cityOfZip(city: string, state: string | null, zip: string | null): string {
  if (!zip || isUsCity(city)) return city;
  const record = zipRecords()[zip.slice(0, 5)];
  if (!record || (state && record.state !== state)) return city;
  const named = record.city.toLowerCase();
  const written = city.trim().toLowerCase();
  if (Math.abs(named.length - written.length) > 2 || lettersApart(named, written) > 2) return city;
  // The package writes city names in capitals or title case; the letter's own casing is kept where it can be.
  return record.city === record.city.toUpperCase() ? titleCase(record.city) : record.city;
}


function titleCase(name: string): string {
  return name.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
