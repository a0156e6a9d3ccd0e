import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_STATUS, Report } from '../../src/report/index.js';
import type { FuzzInput } from './corpus.js';

/** An answer of the service, however it was asked (app.inject in tests, HTTP against the built server in npm run fuzz). */
export interface FuzzAnswer {
  statusCode: number;
  contentType: string;
  body: string;
}

/** POST /v1/validate with these bytes, this Content-Type and this query string ('' or '?a=b'). */
export type SendLetter = (bytes: Buffer, contentType: string, query?: string) => Promise<FuzzAnswer>;

export function injecting(app: FastifyInstance): SendLetter {
  return async (bytes, contentType, query = '') => {
    const response = await app.inject({ method: 'POST', url: `/v1/validate${query}`, headers: { 'content-type': contentType }, payload: bytes });
    return { statusCode: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: response.body };
  };
}

// A fixture letter labelled complete, sent with what its student tells the service (its label's request).
const FIXTURES = new URL('../../fixtures/', import.meta.url);
const FIXTURE_LETTER = 'text/pdfkit-classic-01.pdf';

/** The fixture letter must still come back 200 and `complete`; otherwise what came back. */
export async function fixtureStillComplete(send: SendLetter): Promise<string | null> {
  const labels = JSON.parse(readFileSync(new URL('labels.json', FIXTURES), 'utf8')) as { letters: { file: string; request: Record<string, string> }[] };
  const request = labels.letters.find((l) => l.file === FIXTURE_LETTER)?.request ?? {};
  const answer = await send(readFileSync(new URL(FIXTURE_LETTER, FIXTURES)), 'application/pdf', `?${new URLSearchParams(request)}`);
  if (answer.statusCode !== 200) return `the fixture letter got ${answer.statusCode}: ${answer.body.slice(0, 160)}`;
  const verdict = (JSON.parse(answer.body) as { verdict?: string }).verdict;
  return verdict === 'complete' ? null : `the fixture letter came back ${verdict}`;
}

export interface FuzzOutcome {
  name: string;
  bytes: number;
  status: number;
  /** The problem code of a 4xx, "report" for a 200. */
  answer: string;
  ms: number;
  /** Why the answer is not acceptable; null when it is (a valid report, or a 4xx problem+json within the deadline). */
  failure: string | null;
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
}

/** Memory after a full collection (V8's gc made callable without --expose-gc). */
export function settledMemory(): MemorySample {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

export interface FuzzOptions {
  deadlineMs: number;
  /** The deadline's margin: a killed reader child's successor may still be starting. */
  slackMs?: number;
  onOutcome?: (o: FuzzOutcome, index: number) => void;
  /** After every `every` inputs, the fixture letter must still be complete; told each result. */
  fixtureCheck?: { every: number; onCheck?: (afterInputs: number, failure: string | null) => void };
}

export interface FuzzRun {
  outcomes: FuzzOutcome[];
  /** The fixture checks: after how many inputs, and what went wrong (null: complete). */
  checks: { after: number; failure: string | null }[];
}

/**
 * Sends each input to POST /v1/validate and judges the answer: a 200 must be a report the schema
 * accepts; anything else must be a 4xx problem+json whose code carries that status; every answer
 * must arrive by the deadline plus `slackMs`. Every `fixtureCheck.every` inputs, a fixture letter
 * must still be read as complete: no input may leave the service worse for the next student.
 */
export async function runFuzz(send: SendLetter, inputs: FuzzInput[], { deadlineMs, slackMs = 3000, onOutcome, fixtureCheck }: FuzzOptions): Promise<FuzzRun> {
  const outcomes: FuzzOutcome[] = [];
  const checks: FuzzRun['checks'] = [];
  for (const [index, input] of inputs.entries()) {
    const started = performance.now();
    let response: FuzzAnswer;
    try {
      response = await send(input.bytes, input.contentType);
    } catch (error) {
      // The service did not answer at all (its connection was reset, or it is gone).
      response = { statusCode: 0, contentType: '', body: String((error as Error).message ?? error) };
    }
    const ms = Math.round(performance.now() - started);
    const outcome = { name: input.name, bytes: input.bytes.length, status: response.statusCode, ms, ...judge(response) };
    if (!outcome.failure && ms > deadlineMs + slackMs) outcome.failure = `answered after ${ms} ms, past the ${deadlineMs} ms deadline`;
    outcomes.push(outcome);
    onOutcome?.(outcome, index);
    if (fixtureCheck && (index + 1) % fixtureCheck.every === 0) {
      const failure = await fixtureStillComplete(send).catch((error: Error) => `the fixture letter got no answer: ${error.message}`);
      checks.push({ after: index + 1, failure });
      fixtureCheck.onCheck?.(index + 1, failure);
    }
  }
  return { outcomes, checks };
}

function judge(response: FuzzAnswer): { answer: string; failure: string | null } {
  if (response.statusCode === 200) {
    const parsed = Report.safeParse(JSON.parse(response.body));
    return { answer: 'report', failure: parsed.success ? null : 'a 200 whose body is not a valid report' };
  }
  if (response.statusCode >= 400 && response.statusCode < 500) {
    const body = JSON.parse(response.body) as { code?: keyof typeof PROBLEM_STATUS; status?: number };
    const answer = body.code ?? String(response.statusCode);
    if (!/^application\/problem\+json/.test(response.contentType)) return { answer, failure: 'a 4xx that is not problem+json' };
    if (!body.code || PROBLEM_STATUS[body.code] !== response.statusCode || body.status !== response.statusCode) {
      return { answer, failure: `a 4xx with a code that does not carry its status (${body.code})` };
    }
    return { answer, failure: null };
  }
  return { answer: String(response.statusCode), failure: `status ${response.statusCode}${response.statusCode >= 500 || response.statusCode === 0 ? `: ${response.body.slice(0, 120)}` : ''}` };
}

/** Counts of answers ("report", problem codes, statuses), most frequent first. */
export function tally(outcomes: FuzzOutcome[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.answer, (counts.get(o.answer) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
