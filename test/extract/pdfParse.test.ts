import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// In a process of its own: the test runner's process may already hold pdf.js's swapped built-ins.
const PROBE = `
const push = Array.prototype.push, parse = JSON.parse;
const { readPdf } = await import('./src/extract/readPdf.ts');
const { pdfOf, LETTER } = await import('./test/ingest/samples.ts');
const read = await readPdf(await pdfOf([LETTER]), 5);
await read.parser.destroy();
console.log(JSON.stringify({ push: Array.prototype.push === push, parse: JSON.parse === parse, text: read.pages[0].layout.blocks.length > 3 }));
`;

describe('pdfParse', () => {
  it('leaves Array.prototype.push and JSON.parse native after pdf.js has loaded and read a PDF', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual({ push: true, parse: true, text: true });
  });
});
