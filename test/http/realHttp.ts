import http, { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createChecker, type Checker } from '../../src/checker.js';
import { testSettings } from '../helper.js';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): Record<string, unknown>;
}

/** Listens on a free loopback port and returns it. */
export async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/**
 * One request over a real socket with the path exactly as given: no URL parsing on the way, so
 * `/v1/../v1/validate`, `//v1/validate` and `/%761/validate` reach the server as written (inject()
 * and fetch() would resolve or re-encode some of them).
 */
export function rawRequest(
  port: number,
  { method, path, headers = {}, body }: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A checker whose checks wait until the test opens the gate: what is under test is admission, not checking. */
export async function gatedChecker() {
  const real = await createChecker(testSettings({ READER_WORKERS: '0' }));
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  let started = 0;
  const checker: Checker = {
    ...real,
    async check(bytes, options) {
      started += 1;
      await gate;
      return real.check(bytes, options);
    },
    async checkCase(documents, options) {
      started += 1;
      await gate;
      return real.checkCase(documents, options);
    },
  };
  return {
    checker,
    started: () => started,
    open: () => {
      open();
      gate = Promise.resolve();
    },
  };
}

/**
 * A local receiver for batch callbacks, as an integration would run one: answers 204, or 500 to its
 * first `failFirst` requests (a receiver that is restarting). Every request is kept, with its answer.
 */
export async function callbackReceiver({ failFirst = 0 } = {}) {
  const received: { body: string; signature: string | undefined; status: number }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = received.length < failFirst ? 500 : 204;
      received.push({ body, signature: req.headers['offercheck-signature'] as string | undefined, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    received,
    /** The requests answered 2xx: what the integration actually took in. */
    delivered: () => received.filter((r) => r.status < 300),
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
