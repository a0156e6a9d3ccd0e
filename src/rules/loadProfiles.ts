import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ProfileFileSchema, ProfileSchema, type Profile, type ProfileFile, type ProfileInput } from './profile.js';
import type { RuleSettings } from './ruleContext.js';
import { coopProfile } from './profiles/coop.js';
import { cptProfile } from './profiles/cpt.js';
import { cptStrictProfile } from './profiles/cptStrict.js';
import { microInternshipProfile } from './profiles/microInternship.js';

export const BUILT_IN_PROFILES: ProfileInput[] = [cptProfile, coopProfile, microInternshipProfile, cptStrictProfile];

export const DEFAULT_PROFILE_ID = 'cpt';

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

function validate(input: unknown, source: string): Profile {
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) throw new ProfileError(`Profile ${source} is invalid: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

interface OperatorFile {
  source: string;
  data: ProfileFile;
}

function readProfileFile(full: string): OperatorFile {
  const isJson = /\.json$/i.test(full);
  let data: unknown;
  try {
    const text = readFileSync(full, 'utf8');
    data = isJson ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ProfileError(`Profile file ${full} is not valid ${isJson ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  const parsed = ProfileFileSchema.safeParse(data);
  if (!parsed.success) throw new ProfileError(`Profile file ${full} is invalid: ${describeIssues(parsed.error.issues)}`);
  return { source: `file ${full}`, data: parsed.data };
}

/** A file's profile over its base's: the file's fields win, rules merge field by field. */
function mergeOver(base: ProfileInput, file: ProfileFile): unknown {
  const { extends: _base, rules, ...own } = file;
  return { ...base, ...own, rules: { ...(base.rules ?? {}), ...(rules ?? {}) } };
}

/** Fills the numbers a profile leaves to the settings, so that GET /v1/profiles shows the figures actually applied. */
function withSettings(profile: Profile, settings: RuleSettings | undefined): Profile {
  if (!settings) return profile;
  const rules = { ...profile.rules };
  if (rules.minimumWageHourly === null) rules.minimumWageHourly = settings.minimumWageHourly;
  if (rules.requireWindow && rules.window === null) rules.window = { ...settings.microInternshipWindow };
  return { ...profile, rules };
}

/**
 * The built-in profiles plus the operator's (JSON or YAML files in PROFILES_DIR), validated once at
 * start-up. A bad file stops the start with the file and the field named: a school's rules
 * silently ignored would be worse. An operator file may `extends` a built-in or another file's
 * profile and name only what differs.
 */
export function loadProfiles(extraDir?: string, settings?: RuleSettings): Map<string, Profile> {
  const inputs = new Map<string, ProfileInput>();
  const profiles = new Map<string, Profile>();
  for (const input of BUILT_IN_PROFILES) {
    profiles.set(input.id, validate(input, `built-in "${input.id}"`));
    inputs.set(input.id, input);
  }

  if (extraDir) {
    let names: string[];
    try {
      names = readdirSync(extraDir).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort();
    } catch {
      throw new ProfileError(`PROFILES_DIR ${extraDir} cannot be read.`);
    }
    const files = new Map<string, OperatorFile>();
    for (const name of names) {
      const file = readProfileFile(path.join(extraDir, name));
      const id = file.data.id;
      if (inputs.has(id)) throw new ProfileError(`Profile ${file.source} uses the id "${id}" of a built-in profile; choose another id (it may "extends: ${id}").`);
      const earlier = files.get(id);
      if (earlier) throw new ProfileError(`Profile ${file.source} uses the id "${id}", already used by ${earlier.source}.`);
      files.set(id, file);
    }

    const resolving = new Set<string>();
    const resolve = (id: string): ProfileInput => {
      const known = inputs.get(id);
      if (known) return known;
      const file = files.get(id)!;
      if (resolving.has(id)) throw new ProfileError(`Profile ${file.source} extends itself through ${[...resolving].join(' -> ')}.`);
      resolving.add(id);
      let input: unknown = file.data;
      if (file.data.extends) {
        if (!inputs.has(file.data.extends) && !files.has(file.data.extends)) {
          throw new ProfileError(`Profile ${file.source} extends "${file.data.extends}", which is not a known profile (${[...inputs.keys(), ...files.keys()].join(', ')}).`);
        }
        input = mergeOver(resolve(file.data.extends), file.data);
      }
      const profile = validate(input, file.source);
      resolving.delete(id);
      inputs.set(id, input as ProfileInput);
      profiles.set(id, profile);
      return input as ProfileInput;
    };
    for (const id of files.keys()) resolve(id);
  }

  return new Map([...profiles].map(([id, profile]) => [id, withSettings(profile, settings)]));
}
