import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileError, loadProfiles } from '../../src/rules/loadProfiles.js';
import { SETTINGS } from './letterFacts.js';

let dir: string | null = null;
function folder(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'offercheck-profiles-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('loadProfiles', () => {
  it('ships cpt, coop, micro-internship and cpt-strict', () => {
    expect([...loadProfiles().keys()]).toEqual(['cpt', 'coop', 'micro-internship', 'cpt-strict']);
  });

  it('fills the numbers left to the settings, so the listing shows the figures applied', () => {
    const profiles = loadProfiles(undefined, { minimumWageHourly: 9.5, microInternshipWindow: { start: '01-03', end: '01-28' } });
    expect(profiles.get('coop')!.rules.minimumWageHourly).toBe(9.5);
    expect(profiles.get('micro-internship')!.rules.window).toEqual({ start: '01-03', end: '01-28' });
    expect(profiles.get('cpt')!.rules.window).toBeNull();
    expect(loadProfiles().get('coop')!.rules.minimumWageHourly).toBeNull();
  });

  it("adds an operator's YAML and JSON profiles", () => {
    const profiles = loadProfiles(
      folder({
        'state-u.yaml': [
          'id: state-u',
          'name: State University',
          'description: CPT at State University',
          'requires: [letterhead, student_name, job_title, start_date, end_date]',
          'rules:',
          '  fullTimeHoursAbove: 25',
        ].join('\n'),
        'tech.json': JSON.stringify({ id: 'tech', name: 'Tech', description: 'Tech institute', requires: ['letterhead'] }),
      }),
      SETTINGS,
    );
    expect(profiles.get('state-u')).toMatchObject({ requires: ['letterhead', 'student_name', 'job_title', 'start_date', 'end_date'], rules: { fullTimeHoursAbove: 25, maxHoursPerWeek: 60 } });
    expect(profiles.get('tech')!.rules.minimumWageHourly).toBe(7.25);
  });

  it('lets an operator profile extend another and name only what differs', () => {
    const profiles = loadProfiles(
      folder({
        'a-strict-coop.yaml': 'id: strict-coop\nextends: coop\nname: Strict co-op\nrequires: [letterhead, student_name, signature]\nrules:\n  typedSignature: error\n',
        'b-stricter.yaml': 'id: stricter-coop\nextends: strict-coop\nrules:\n  minHoursPerWeek: 30\n',
      }),
    );
    const strict = profiles.get('strict-coop')!;
    expect(strict.description).toBe(profiles.get('coop')!.description);
    expect(strict.rules).toMatchObject({ durationMonths: { min: 4, max: 9 }, minHoursPerWeek: 20, typedSignature: 'error', unpaid: 'error' });
    expect(profiles.get('stricter-coop')!.rules).toMatchObject({ minHoursPerWeek: 30, typedSignature: 'error' });
    expect(profiles.get('stricter-coop')!.requires).toEqual(['letterhead', 'student_name', 'signature']);
  });

  it('names the file and the field of a bad profile', () => {
    const bad = folder({ 'bad.yaml': 'id: bad\nname: Bad\ndescription: d\nrequires: [letterhead, salary]\n' });
    expect(() => loadProfiles(bad)).toThrow(ProfileError);
    expect(() => loadProfiles(bad)).toThrow(/bad\.yaml is invalid: requires\.1: /);
  });

  it('names an unknown rule', () => {
    expect(() => loadProfiles(folder({ 'x.json': JSON.stringify({ id: 'x', extends: 'cpt', rules: { maxHours: 40 } }) }))).toThrow(/x\.json is invalid: rules: .*maxHours/);
  });

  it('rejects a rule with the wrong type', () => {
    expect(() => loadProfiles(folder({ 'x.yaml': 'id: x\nextends: cpt\nrules:\n  fullTimeHoursAbove: twenty\n' }))).toThrow(/rules\.fullTimeHoursAbove/);
  });

  it('rejects a file that is not YAML or JSON', () => {
    expect(() => loadProfiles(folder({ 'broken.json': '{ "id": "x", ' }))).toThrow(/broken\.json is not valid JSON/);
    expect(() => loadProfiles(folder({ 'broken.yml': 'id: [x\n' }))).toThrow(/broken\.yml is not valid YAML/);
  });

  it('rejects a profile that takes a built-in id or an id already used', () => {
    expect(() => loadProfiles(folder({ 'cpt.yaml': 'id: cpt\nextends: cpt\n' }))).toThrow(/id "cpt" of a built-in profile/);
    expect(() => loadProfiles(folder({ 'a.yaml': 'id: x\nextends: cpt\n', 'b.yaml': 'id: x\nextends: coop\n' }))).toThrow(/already used by file .*a\.yaml/);
  });

  it('rejects extending an unknown profile, and a loop of extends', () => {
    expect(() => loadProfiles(folder({ 'a.yaml': 'id: a\nextends: nowhere\n' }))).toThrow(/extends "nowhere", which is not a known profile/);
    expect(() => loadProfiles(folder({ 'a.yaml': 'id: a\nextends: b\n', 'b.yaml': 'id: b\nextends: a\n' }))).toThrow(/extends itself/);
  });

  it('rejects a folder that cannot be read', () => {
    expect(() => loadProfiles('/nonexistent/offercheck-profiles')).toThrow(/PROFILES_DIR .* cannot be read/);
  });

  it('ignores files that are not profiles', () => {
    expect(loadProfiles(folder({ 'README.md': '# profiles' })).size).toBe(4);
  });
});
