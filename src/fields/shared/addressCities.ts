import { createRequire } from 'node:module';

interface ZipRecord {
  city: string;
  state: string;
}

let cities: Set<string> | null = null;

/** US place names from the `zipcodes` package's bundled list (offline), loaded on first use. */
function cityNames(): Set<string> {
  if (cities) return cities;
  const require = createRequire(import.meta.url);
  const codes = (require('zipcodes/lib/codes.js') as { codes: Record<string, ZipRecord> }).codes;
  cities = new Set(Object.values(codes).map((r) => r.city.toLowerCase()));
  return cities;
}

/** Whether `name` is a US city or town ("Seattle", "Kansas City"); "Pediatric Genomics" is not. */
export function isUsCity(name: string): boolean {
  return cityNames().has(name.trim().replace(/\s+/g, ' ').toLowerCase());
}
