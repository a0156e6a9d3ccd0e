import { createHmac } from 'node:crypto';
import type { BatchCallback } from '../../report/index.js';

/** The longest wait between two attempts, however many have failed: a receiver that is back is found within this. */
const MAX_BACKOFF_MS = 5 * 60_000;
const ATTEMPT_TIMEOUT_MS = 10_000;

export interface AttemptResult {
  delivered: boolean;
  /** Why not: "HTTP <status>", "timeout" or "connection failed"; never the receiver's answer itself. */
  error: string | null;
}

/** `Offercheck-Signature`: HMAC-SHA256 over the exact bytes of the body, so the receiver can tell the batch came from this service. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * One POST of a finished batch to the integration's URL, signed when a secret is set. A 2xx answer
 * delivers it; anything else is reported for the caller to retry (callbackDelayMs) or give up.
 */
export async function postCallback(url: string, body: string, options: { secret: string; timeoutMs?: number }): Promise<AttemptResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'offercheck-callback/1' };
  if (options.secret) headers['offercheck-signature'] = signatureOf(body, options.secret);
  try {
    const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs ?? ATTEMPT_TIMEOUT_MS) });
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { delivered: true, error: null };
    return { delivered: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, error: (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection failed' };
  }
}

/** The wait after the `failed`-th failed attempt (1-based): CALLBACK_BACKOFF_MS, doubled each time, at most 5 minutes. */
export function callbackDelayMs(failed: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, failed - 1));
}

export function newCallbackState(url: string, maxAttempts: number): BatchCallback {
  return { url, status: 'pending', attempts: 0, maxAttempts, lastAttemptAt: null, lastError: null, nextAttemptAt: null, deliveredAt: null };
}

/**
 * The delivery state after one more attempt: delivered, pending with the time of the next attempt,
 * or failed once the attempts are spent (or `giveUp`, on shutdown). Both modes record the same states.
 */
export function afterAttempt(state: BatchCallback, result: AttemptResult, now: number, baseMs: number, giveUp = false): BatchCallback {
  const attempts = state.attempts + 1;
  const at = new Date(now).toISOString();
  if (result.delivered) return { ...state, status: 'delivered', attempts, lastAttemptAt: at, lastError: null, nextAttemptAt: null, deliveredAt: at };
  const spent = giveUp || attempts >= state.maxAttempts;
  return {
    ...state,
    status: spent ? 'failed' : 'pending',
    attempts,
    lastAttemptAt: at,
    lastError: result.error,
    nextAttemptAt: spent ? null : new Date(now + callbackDelayMs(attempts, baseMs)).toISOString(),
  };
}

/** A callback URL is accepted only for an operator-listed host, over http(s), without credentials in it. */
export function isAllowedCallbackUrl(raw: string, allowedHosts: string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.includes(host) || allowedHosts.includes(url.host.toLowerCase());
}
