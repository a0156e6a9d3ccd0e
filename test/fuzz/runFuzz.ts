import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_STATUS, Report } from '../../src/report/index.js';
import type { FuzzInput } from './corpus.js';

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

/**
 * Sends each input to POST /v1/validate and judges the answer: a 200 must be a report the schema
 * accepts; anything else must be a 4xx problem+json whose code carries that status; every answer
 * must arrive by the deadline plus `slackMs` (the watchdog's and a replacement worker's margin).
 */
export async function runFuzz(
  app: FastifyInstance,
  inputs: FuzzInput[],
  { deadlineMs, slackMs = 3000, onOutcome }: { deadlineMs: number; slackMs?: number; onOutcome?: (o: FuzzOutcome, index: number) => void },
): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  for (const [index, input] of inputs.entries()) {
    const started = performance.now();
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': input.contentType }, payload: input.bytes });
    const ms = Math.round(performance.now() - started);
    let answer = String(response.statusCode);
    let failure: string | null = null;
    if (response.statusCode === 200) {
      answer = 'report';
      const parsed = Report.safeParse(response.json());
      if (!parsed.success) failure = 'a 200 whose body is not a valid report';
    } else if (response.statusCode >= 400 && response.statusCode < 500) {
      const body = response.json() as { code?: keyof typeof PROBLEM_STATUS; status?: number };
      answer = body.code ?? answer;
      if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) failure = 'a 4xx that is not problem+json';
      else if (!body.code || PROBLEM_STATUS[body.code] !== response.statusCode || body.status !== response.statusCode) failure = `a 4xx with a code that does not carry its status (${body.code})`;
    } else {
      failure = `status ${response.statusCode}${response.statusCode >= 500 ? `: ${response.body.slice(0, 120)}` : ''}`;
    }
    if (!failure && ms > deadlineMs + slackMs) failure = `answered after ${ms} ms, past the ${deadlineMs} ms deadline`;
    const outcome = { name: input.name, bytes: input.bytes.length, status: response.statusCode, answer, ms, failure };
    outcomes.push(outcome);
    onOutcome?.(outcome, index);
  }
  return outcomes;
}

/** Counts of answers ("report", problem codes, statuses), most frequent first. */
export function tally(outcomes: FuzzOutcome[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.answer, (counts.get(o.answer) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
