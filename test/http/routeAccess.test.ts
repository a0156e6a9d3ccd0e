import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { buildTestApp, multipartBody, testSettings } from '../helper.js';
import { LETTER } from '../ingest/samples.js';
import { gatedChecker, listen, rawRequest, type RawAnswer } from './realHttp.js';

/**
 * Access, rate limits and admission belong to the route a request matched, not to the text of its
 * URL. Each protected route is asked for under many spellings, over a real socket (so that nothing
 * on the way normalises the path): a spelling either reaches the route and gets exactly the answer
 * the plain path gets under the same conditions, or reaches no route and gets 404.
 */

const KEY = 'pipeline-key-0123456789abcdef';
const keyed = { authorization: `Bearer ${KEY}` };

interface Spelling {
  path: string;
  /**
   * Whether the router takes it for the route (percent-escapes are decoded), or for no route at all.
   * On a route whose last segment is a parameter, a suffix is part of the parameter: that spelling
   * reaches the route and names another (unknown) batch.
   */
  reachesRoute: boolean | 'another-batch';
}

const escape = (c: string, hex: 'upper' | 'lower' = 'upper') => {
  const code = c.charCodeAt(0).toString(16);
  return `%${hex === 'upper' ? code.toUpperCase() : code.toLowerCase()}`;
};

/** Every way of writing `path` a client might try; `staticSegments` are the ones that are not a parameter. */
function spellings(path: string, staticSegments: number): Spelling[] {
  const segments = path.split('/').slice(1);
  const endsInParameter = segments.length > staticSegments;
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const out: Spelling[] = [{ path, reachesRoute: true }];
  // One escaped character in each segment, first and last.
  segments.forEach((segment, i) => {
    for (const at of new Set([0, segment.length - 1])) {
      const parts = [...segments];
      parts[i] = segment.slice(0, at) + escape(segment[at]) + segment.slice(at + 1);
      out.push({ path: join(parts), reachesRoute: true });
    }
  });
  // Every character escaped, in lower-case hex; and a query string.
  out.push({ path: join(segments.map((s) => [...s].map((c) => escape(c, 'lower')).join(''))), reachesRoute: true });
  out.push({ path: `${path}?profile=cpt`, reachesRoute: true });
  // Spellings that are not the route: case, slashes, dot segments, an escaped slash, a semicolon.
  const upper = (i: number) => join(segments.map((s, j) => (j === i ? s.toUpperCase() : s)));
  for (let i = 0; i < staticSegments; i++) out.push({ path: upper(i), reachesRoute: false });
  out.push(
    { path: `/${path}`, reachesRoute: false },
    { path: join([segments[0], '', ...segments.slice(1)]), reachesRoute: false },
    { path: `${path}/`, reachesRoute: false },
    { path: `${path}//`, reachesRoute: false },
    { path: join(['.', ...segments]), reachesRoute: false },
    { path: join([segments[0], '..', ...segments]), reachesRoute: false },
    { path: `/${segments[0]}%2F${segments.slice(1).join('/')}`, reachesRoute: false },
    { path: `/${segments[0]}%2f${segments.slice(1).join('/')}`, reachesRoute: false },
    { path: `${path};x`, reachesRoute: endsInParameter ? 'another-batch' : false },
    { path: `${path}%00`, reachesRoute: endsInParameter ? 'another-batch' : false },
  );
  return out;
}

const batchBody = () => multipartBody([{ name: 'file', value: LETTER, filename: 'letter.txt', contentType: 'text/plain' }]);

interface ProtectedRoute {
  name: string;
  method: string;
  path: (batchId: string) => string;
  staticSegments: number;
  body?: () => { payload: Buffer; headers: Record<string, string> };
}

const ROUTES: ProtectedRoute[] = [
  { name: 'POST /v1/validate', method: 'POST', path: () => '/v1/validate', staticSegments: 2, body: () => ({ payload: Buffer.from(LETTER), headers: { 'content-type': 'text/plain' } }) },
  { name: 'POST /v1/batches', method: 'POST', path: () => '/v1/batches', staticSegments: 2, body: batchBody },
  { name: 'GET /v1/batches/:id', method: 'GET', path: (id) => `/v1/batches/${id}`, staticSegments: 2 },
  { name: 'GET /v1/profiles', method: 'GET', path: () => '/v1/profiles', staticSegments: 2 },
];

async function ask(port: number, route: ProtectedRoute, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  const body = route.body?.();
  return rawRequest(port, { method: route.method, path, headers: { ...headers, ...body?.headers }, body: body?.payload });
}

function expectNotFound(answer: RawAnswer, what: string) {
  expect(answer.status, what).toBe(404);
  expect(answer.headers['content-type'], what).toMatch(/^application\/problem\+json/);
  expect(answer.json().code, what).toBe('NOT_FOUND');
}

/** Asks every route under every spelling, with and without the key; `expected` is the plain path's status. */
async function expectEverySpelling(port: number, batchId: string, expected: Record<string, { withKey: number; withoutKey: number }>) {
  let reached = 0;
  for (const route of ROUTES) {
    for (const spelling of spellings(route.path(batchId), route.staticSegments)) {
      for (const [who, headers] of [['withKey', keyed], ['withoutKey', {}]] as const) {
        const what = `${route.method} ${spelling.path} ${who}`;
        const answer = await ask(port, route, spelling.path, headers);
        if (spelling.reachesRoute === true) {
          expect(answer.status, what).toBe(expected[route.name][who]);
          reached += 1;
        } else if (spelling.reachesRoute === 'another-batch') {
          // The route's checks first (401 where the plain path is 401), then no such batch.
          const plain = expected[route.name][who];
          expect(answer.status, what).toBe(plain === 401 ? 401 : 404);
        } else {
          expectNotFound(answer, what);
        }
      }
    }
  }
  // The table is not vacuous: the escaped spellings did reach the routes.
  expect(reached).toBeGreaterThan(ROUTES.length * 2 * 5);
}

describe('every spelling of a protected route passes the same checks', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  const base = { READER_WORKERS: '0', RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_KEYED_PER_MINUTE: '100000', MAX_BATCHES: '1000', MAX_BATCHES_PER_KEY: '1000' };

  async function start(settings: Record<string, string>) {
    app = await buildTestApp({ ...base, ...settings });
    const port = await listen(app);
    const form = batchBody();
    const batch = await rawRequest(port, { method: 'POST', path: '/v1/batches', headers: { ...keyed, ...form.headers }, body: form.payload });
    expect(batch.status, batch.text).toBe(202);
    return { port, batchId: String(batch.json().id) };
  }

  it('with API_KEYS and OPEN_WEB_FORM=false: no spelling answers without a key', async () => {
    const { port, batchId } = await start({ API_KEYS: KEY, OPEN_WEB_FORM: 'false' });
    await expectEverySpelling(port, batchId, {
      'POST /v1/validate': { withKey: 200, withoutKey: 401 },
      'POST /v1/batches': { withKey: 202, withoutKey: 401 },
      'GET /v1/batches/:id': { withKey: 200, withoutKey: 401 },
      'GET /v1/profiles': { withKey: 200, withoutKey: 401 },
    });
    // HEAD, which the router adds for each GET, follows its GET.
    for (const path of ['/v1/profiles', '/%761/profiles', `/v1/batches/${batchId}`]) {
      expect((await rawRequest(port, { method: 'HEAD', path })).status, path).toBe(401);
      expect((await rawRequest(port, { method: 'HEAD', path, headers: keyed })).status, path).toBe(200);
    }
  });

  it('with API_KEYS and OPEN_WEB_FORM=true: only the form routes answer without a key', async () => {
    const { port, batchId } = await start({ API_KEYS: KEY, OPEN_WEB_FORM: 'true' });
    await expectEverySpelling(port, batchId, {
      'POST /v1/validate': { withKey: 200, withoutKey: 200 },
      'POST /v1/batches': { withKey: 202, withoutKey: 401 },
      'GET /v1/batches/:id': { withKey: 200, withoutKey: 401 },
      'GET /v1/profiles': { withKey: 200, withoutKey: 200 },
    });
  });

  it('without API_KEYS: every route is open, whatever the spelling', async () => {
    const { port, batchId } = await start({});
    await expectEverySpelling(port, batchId, {
      'POST /v1/validate': { withKey: 200, withoutKey: 200 },
      'POST /v1/batches': { withKey: 202, withoutKey: 202 },
      'GET /v1/batches/:id': { withKey: 200, withoutKey: 200 },
      'GET /v1/profiles': { withKey: 200, withoutKey: 200 },
    });
  });

  it('the rate limit counts every spelling of the routes that run checks, together', async () => {
    app = await buildTestApp({ ...base, RATE_LIMIT_PER_MINUTE: '3', API_KEYS: KEY, RATE_LIMIT_KEYED_PER_MINUTE: '2' });
    const port = await listen(app);
    const validate = (path: string, headers: Record<string, string> = {}) =>
      rawRequest(port, { method: 'POST', path, headers: { 'content-type': 'text/plain', ...headers }, body: LETTER });
    // The limit is spent under three spellings...
    for (const path of ['/%761/validate', '/v%31/validate', '/v1/%76alidate']) expect((await validate(path)).status, path).toBe(200);
    // ...and every spelling of both routes that run checks is past it.
    for (const route of ROUTES.filter((r) => r.method === 'POST')) {
      for (const spelling of spellings(route.path(''), route.staticSegments)) {
        const answer = await ask(port, route, spelling.path, {});
        if (!spelling.reachesRoute) expectNotFound(answer, spelling.path);
        else if (route.name === 'POST /v1/batches') expect(answer.status, spelling.path).toBe(401); // the key comes first
        else {
          expect(answer.status, spelling.path).toBe(429);
          expect(answer.json().code).toBe('RATE_LIMITED');
          expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
    }
    // A key's own limit, the same way.
    for (const path of ['/v1/validate', '/v%31/validate']) expect((await validate(path, keyed)).status).toBe(200);
    for (const spelling of spellings('/v1/batches', 2).filter((s) => s.reachesRoute)) {
      const form = batchBody();
      const answer = await rawRequest(port, { method: 'POST', path: spelling.path, headers: { ...keyed, ...form.headers }, body: form.payload });
      expect(answer.status, spelling.path).toBe(429);
    }
  });

  it('MAX_QUEUE admits no more checks under another spelling', async () => {
    const gated = await gatedChecker();
    app = await buildApp({ settings: testSettings({ ...base, MAX_QUEUE: '2' }), checker: gated.checker });
    const port = await listen(app);
    const letter = (path: string) => rawRequest(port, { method: 'POST', path, headers: { 'content-type': 'text/plain' }, body: LETTER });
    const held = [letter('/%761/validate'), letter('/v%31/validate')];
    await expect.poll(() => gated.started()).toBe(2);
    for (const route of ROUTES.filter((r) => r.method === 'POST')) {
      for (const spelling of spellings(route.path(''), route.staticSegments)) {
        const answer = await ask(port, route, spelling.path, {});
        if (!spelling.reachesRoute) expectNotFound(answer, spelling.path);
        else {
          expect(answer.status, spelling.path).toBe(503);
          expect(answer.json().code).toBe('OVERLOADED');
          expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        }
      }
    }
    expect(gated.started()).toBe(2);
    expect(app.admission.admitted).toBe(2);
    gated.open();
    expect((await Promise.all(held)).map((a) => a.status)).toEqual([200, 200]);
  });
});
