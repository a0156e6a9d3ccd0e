import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FINDING_CODES, PROBLEM_CODES } from '../../src/report/index.js';
import { buildOpenApiDocument } from '../../src/report/openApiDocument.js';
import { buildTestApp } from '../helper.js';

const spec = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));

const LETTER = `Northwind Analytics LLC
500 Boylston Street, Boston, MA 02116

December 1, 2026

Dear Priya Raman,

We are pleased to offer you an internship as a Data Science Intern.
You will build data pipelines and analyze customer churn.
You will work 20 hours per week from June 1, 2027 to August 20, 2027
at 500 Boylston Street, Suite 300, Boston, MA 02116, paid $32.50 per hour.

Sincerely,
Dana Whitfield, Engineering Manager`;

function validatorFor(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'spec', components: spec.components });
  return ajv.compile({ $ref: `spec#/components/schemas/${name}` });
}

describe('openapi.yaml and the zod schemas', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('is exactly what the zod schemas generate (run `npm run openapi` after changing them)', () => {
    expect(spec).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('lists every finding code and every problem code', () => {
    expect(spec.components.schemas.FindingCode.enum).toEqual([...FINDING_CODES]);
    expect(spec.components.schemas.Problem.properties.code.enum).toEqual([...PROBLEM_CODES]);
  });

  it('describes the report the service actually returns', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER });
    expect(response.statusCode).toBe(200);
    const validate = validatorFor('Report');
    const report = response.json();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes the problems the service actually returns', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from([1, 2, 3]) });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const validate = validatorFor('Problem');
    expect(validate(response.json()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes the profile list', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/profiles' });
    const validate = validatorFor('ProfileList');
    expect(validate(response.json()), JSON.stringify(validate.errors)).toBe(true);
  });
});
