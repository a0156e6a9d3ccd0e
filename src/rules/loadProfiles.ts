import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ProfileSchema, type Profile, type ProfileInput } from './profile.js';
import { cptProfile } from './profiles/cpt.js';

export const BUILT_IN_PROFILES: ProfileInput[] = [cptProfile];

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/**
 * The built-in profiles plus the operator's, validated once at start-up. A bad file stops
 * the start with the file and the field named: a school's rules silently ignored would be worse.
 */
export function loadProfiles(extraDir?: string): Map<string, Profile> {
  const profiles = new Map<string, Profile>();
  const add = (input: unknown, source: string) => {
    const parsed = ProfileSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new ProfileError(`Profile ${source} is invalid: ${issues}`);
    }
    profiles.set(parsed.data.id, parsed.data);
  };
  for (const profile of BUILT_IN_PROFILES) add(profile, `built-in "${profile.id}"`);
  if (extraDir) {
    let files: string[];
    try {
      files = readdirSync(extraDir).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort();
    } catch {
      throw new ProfileError(`PROFILES_DIR ${extraDir} cannot be read.`);
    }
    for (const file of files) {
      const full = path.join(extraDir, file);
      let data: unknown;
      try {
        const text = readFileSync(full, 'utf8');
        data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
      } catch (error) {
        throw new ProfileError(`Profile file ${full} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
      }
      add(data, `file ${full}`);
    }
  }
  return profiles;
}
