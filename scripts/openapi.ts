// Writes openapi.yaml from the zod schemas (src/report/openApiDocument.ts). `--check` exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { buildOpenApiDocument } from '../src/report/openApiDocument.js';

const target = new URL('../openapi.yaml', import.meta.url);
const header = '# Generated from the zod schemas in src/report by `npm run openapi`. Do not edit by hand.\n';
const text = header + stringify(buildOpenApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('openapi.yaml is out of date: run `npm run openapi`.');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log('wrote openapi.yaml');
}
