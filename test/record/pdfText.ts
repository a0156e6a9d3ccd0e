import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** poppler's pdftotext and pdfinfo (Debian poppler-utils, installed by `npm test`'s pretest): what an office's tools read a record with. */
export const PDFTOTEXT = '/usr/bin/pdftotext';
export const havePoppler = existsSync(PDFTOTEXT) && existsSync('/usr/bin/pdfinfo');

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 30_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${command}: ${stderr || error.message}`)) : resolve(stdout)));
  });
}

/** The PDF's text as pdftotext reads it, whitespace folded, and its page count as pdfinfo reads it. */
export async function readPdf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'offercheck-record-'));
  try {
    const file = path.join(dir, 'record.pdf');
    await writeFile(file, pdf);
    const text = await run(PDFTOTEXT, ['-enc', 'UTF-8', file, '-']);
    const info = await run('/usr/bin/pdfinfo', [file]);
    return { text: text.replace(/\s+/g, ' '), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
