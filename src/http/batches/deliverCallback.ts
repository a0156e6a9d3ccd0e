import { createHmac } from 'node:crypto';

export interface CallbackOptions {
  secret: string;
  attempts?: number;
  timeoutMs?: number;
  /** Milliseconds to wait before attempt n (1-based, n >= 2). */
  backoffMs?: (attempt: number) => number;
}

export interface CallbackResult {
  delivered: boolean;
  attempts: number;
}

/**
 * POSTs the finished batch to the integration's URL. The body is signed with HMAC-SHA256 over
 * the exact bytes (header `Offercheck-Signature: sha256=<hex>`) when a secret is set. A 2xx
 * answer ends it; anything else is retried a few times with growing pauses, then given up on:
 * the batch can still be fetched with GET /v1/batches/{id}.
 */
export async function deliverCallback(url: string, payload: unknown, options: CallbackOptions): Promise<CallbackResult> {
  const attempts = options.attempts ?? 3;
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'offercheck-callback/1' };
  if (options.secret) headers['offercheck-signature'] = `sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}`;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, options.backoffMs?.(attempt) ?? 1000 * 4 ** (attempt - 2)));
    try {
      const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { delivered: true, attempts: attempt };
    } catch {
      // network error or timeout: retried
    }
  }
  return { delivered: false, attempts };
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
