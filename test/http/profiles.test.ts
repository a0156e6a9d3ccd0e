import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROOT, buildTestApp } from '../helper.js';
import { ELEMENT_LABELS, ELEMENT_NAMES } from '../../src/report/index.js';

describe('GET /v1/profiles', () => {
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'offercheck-route-profiles-'));
    writeFileSync(path.join(dir, 'state-u.yaml'), 'id: state-u\nextends: cpt-strict\nname: State University\nrules:\n  maxLetterAgeMonths: 6\n');
    app = await buildTestApp({ PROFILES_DIR: dir, MINIMUM_WAGE_HOURLY: '8.5', MICRO_INTERNSHIP_WINDOW_END: '01-29' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every profile with what it requires and the numbers its rules apply', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/profiles' });
    expect(response.statusCode).toBe(200);
    const { profiles } = response.json() as { profiles: { id: string; requires: string[]; rules: Record<string, unknown> }[] };
    expect(profiles.map((p) => p.id)).toEqual(['cpt', 'coop', 'micro-internship', 'cpt-strict', 'state-u']);
    const byId = Object.fromEntries(profiles.map((p) => [p.id, p]));
    expect(byId.cpt.requires).toHaveLength(10);
    expect(byId.coop.rules).toMatchObject({ durationMonths: { min: 4, max: 9 }, minHoursPerWeek: 20, minimumWageHourly: 8.5, unpaid: 'error' });
    expect(byId['micro-internship'].rules).toMatchObject({ window: { start: '01-06', end: '01-29' } });
    expect(byId['cpt-strict'].requires).toEqual(expect.arrayContaining(['signature', 'letter_date', 'employer_name', 'supervisor']));
    expect(byId['state-u'].rules).toMatchObject({ maxLetterAgeMonths: 6, typedSignature: 'error' });
  });
});

describe('GET /v1/profiles with the example operator profiles loaded (PROFILES_DIR=profiles/examples)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ PROFILES_DIR: path.join(ROOT, 'profiles/examples') });
  });
  afterAll(() => app.close());

  it('lists the five beside the built-in ones, with their own rules', async () => {
    const { profiles } = (await app.inject({ method: 'GET', url: '/v1/profiles' })).json() as { profiles: { id: string; requires: string[]; rules: Record<string, unknown> }[] };
    expect(profiles.map((p) => p.id)).toEqual(['cpt', 'coop', 'micro-internship', 'cpt-strict', 'academic-internship', 'cpt-community-college', 'coop-engineering', 'cpt-pdf-onsite', 'cpt-term']);
    const byId = Object.fromEntries(profiles.map((p) => [p.id, p]));
    expect(byId['cpt-pdf-onsite'].rules).toMatchObject({ acceptedFormats: ['pdf'], remoteWork: 'no-remote', unpaid: 'error', acceptedSignatures: ['handwritten', 'verified-electronic'] });
    expect(byId['academic-internship'].requires).toEqual(expect.arrayContaining(['program_relation', 'learning_objectives', 'supervisor']));
    expect(byId['cpt-term'].rules).toMatchObject({ endByTermEnd: 'error', maxHoursDuringTerm: 20, minBusinessDaysBeforeStart: 10 });
    expect(byId['coop-engineering'].rules).toMatchObject({ durationMonths: { min: 4, max: 9 }, remoteWork: 'onsite-only', supervisorContactNeeds: 'phone' });
    expect(byId['cpt-community-college'].rules).toMatchObject({ acceptedFormats: ['pdf', 'docx', 'doc'], minBusinessDaysBeforeStart: 5 });
  });

  it('gives the words for every element, the one list the web form and the CLI show', async () => {
    const { elements } = (await app.inject({ method: 'GET', url: '/v1/profiles' })).json() as { elements: { name: string; label: string }[] };
    expect(elements.map((e) => e.name)).toEqual([...ELEMENT_NAMES]);
    expect(Object.fromEntries(elements.map((e) => [e.name, e.label]))).toEqual(ELEMENT_LABELS);
  });
});
