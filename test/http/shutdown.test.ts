import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../helper.js';
import { fixtureLetter } from '../cli/fixtureLetters.js';
import { callbackReceiver } from './realHttp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('SIGTERM with a batch in flight', () => {
  const receivers: Awaited<ReturnType<typeof callbackReceiver>>[] = [];
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
  });

  it('finishes every admitted letter and sends the signed callback before the process exits 0', async () => {
    const receiver = await callbackReceiver();
    receivers.push(receiver);
    const port = await freePort();
    // The service as `npm start` runs it (tsx runs the source that the build compiles to dist/http/server.js).
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/http/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        OCR_WORKERS: '0',
        READER_WORKERS: '1',
        CALLBACK_ALLOWED_HOSTS: receiver.host,
        CALLBACK_SECRET: 'shutdown-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 200; i++) {
        if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Eight invented letters, PDFs and Word files, read by the reader worker one after another.
      const files = ['text/pdfkit-classic-01.pdf', 'text/chromium-flex-03.pdf', 'text/docx-header-01.docx', 'text/pdfkit-table-06.pdf', 'text/docx-table-05.docx', 'text/chromium-table-04.pdf', 'text/pdfkit-twocol-02.pdf', 'text/docx-textbox-04.docx'];
      const letters = await Promise.all(files.map((f) => fixtureLetter(f)));
      const form = multipartBody([
        ...letters.map((l) => ({ name: 'file', value: l.bytes, filename: l.name, contentType: l.mediaType })),
        { name: 'callback_url', value: `http://${receiver.host}/hooks/offercheck` },
      ]);
      const accepted = await fetch(`${base}/v1/batches`, { method: 'POST', headers: form.headers, body: new Uint8Array(form.payload) });
      expect(accepted.status, await accepted.clone().text()).toBe(202);
      const { id } = await accepted.json();
      server.kill('SIGTERM');

      expect(await exited, output).toBe(0);
      expect(receiver.received, output).toHaveLength(1);
      const [callback] = receiver.received;
      expect(callback.signature).toBe(`sha256=${createHmac('sha256', 'shutdown-secret').update(callback.body).digest('hex')}`);
      const batch = JSON.parse(callback.body);
      expect(batch).toMatchObject({ id, status: 'done', summary: { total: 8, done: 8, failed: 0 } });
      expect(batch.items.map((i: { filename: string; status: string }) => [i.filename, i.status])).toEqual(files.map((f) => [f.split('/')[1], 'done']));
      expect(output).toMatch(/finishing accepted batches/);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  });
});
