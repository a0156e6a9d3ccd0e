import { createRequire } from 'node:module';

/**
 * ZIP code -> state from the `zipcodes` package's bundled US list (offline, ~42,000 ZIPs).
 * The list is a few years old, so a ZIP missing from it may be new rather than wrong: the
 * first three digits (the sectional centre) still tell the state for almost every ZIP.
 */

interface ZipRecord {
  state: string;
}

interface ZipData {
  byZip: Map<string, string>;
  /** 3-digit prefix -> the states its ZIPs are in (one for all but a handful of prefixes). */
  byPrefix: Map<string, Set<string>>;
  stateNames: Map<string, string>;
  stateCodes: Map<string, string>;
}

let data: ZipData | null = null;

/** Loaded on first use: ~200 ms, paid once per process rather than at every import. */
function zipData(): ZipData {
  if (data) return data;
  const require = createRequire(import.meta.url);
  const codes = (require('zipcodes/lib/codes.js') as { codes: Record<string, ZipRecord> }).codes;
  const states = require('zipcodes/lib/states.js') as { abbr: Record<string, string> };
  const byZip = new Map<string, string>();
  const byPrefix = new Map<string, Set<string>>();
  for (const [zip, record] of Object.entries(codes)) {
    if (!/^\d{5}$/.test(zip)) continue;
    byZip.set(zip, record.state);
    const prefix = zip.slice(0, 3);
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, new Set());
    byPrefix.get(prefix)!.add(record.state);
  }
  const stateNames = new Map<string, string>();
  const stateCodes = new Map<string, string>();
  const usStates = new Set(byZip.values());
  for (const [code, name] of Object.entries(states.abbr)) {
    // The package's list also holds Canadian provinces; a US work address cannot be in one.
    if (!usStates.has(code)) continue;
    const title = name.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\bOf\b/, 'of');
    stateNames.set(code, title);
    stateCodes.set(name.toUpperCase(), code);
  }
  data = { byZip, byPrefix, stateNames, stateCodes };
  return data;
}

export type ZipLookup =
  | { found: 'zip'; state: string }
  | { found: 'prefix'; state: string }
  | { found: 'none' };

/** The state a ZIP (or ZIP+4) belongs to: from the ZIP itself, else from its first three digits when they name one state. */
export function stateOfZip(zip: string): ZipLookup {
  const five = /^(\d{5})(?:-?\d{4})?$/.exec(zip.trim())?.[1];
  if (!five) return { found: 'none' };
  const { byZip, byPrefix } = zipData();
  const state = byZip.get(five);
  if (state) return { found: 'zip', state };
  const prefixStates = byPrefix.get(five.slice(0, 3));
  if (prefixStates?.size === 1) return { found: 'prefix', state: [...prefixStates][0] };
  return { found: 'none' };
}

/** "TX", "tx", "Texas", "TEXAS" -> "TX"; null when it is not a US state or territory. */
export function stateCode(state: string): string | null {
  const { stateNames, stateCodes } = zipData();
  const cleaned = state.trim().replace(/\./g, '').replace(/\s+/g, ' ').toUpperCase();
  if (stateNames.has(cleaned)) return cleaned;
  return stateCodes.get(cleaned) ?? null;
}

/** "TX" -> "Texas" for messages; the code itself when unknown. */
export function stateName(code: string): string {
  return zipData().stateNames.get(code) ?? code;
}
