/**
 * Regenerates every fixture letter under fixtures/ and fixtures/labels.json from the catalog.
 * Deterministic: each letter is drawn from a PRNG seeded by its id and file metadata uses a
 * fixed date. Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); see fixtures/README.md.
 *
 *   npm run fixtures
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabelsFile, type LetterLabel } from './eval/labelsSchema.js';
import { PoolCursor } from './fixtures/baseLetter.js';
import { buildModel } from './fixtures/buildModel.js';
import { CATALOG } from './fixtures/catalog.js';
import { labelFor } from './fixtures/labels.js';
import { ChromiumPrinter } from './fixtures/render/chromium.js';
import { EXTENSIONS, renderText } from './fixtures/renderText.js';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const CHECKED_ON = '2026-12-01';

async function main(): Promise<void> {
  const textDir = path.join(FIXTURES_DIR, 'text');
  fs.rmSync(textDir, { recursive: true, force: true });
  fs.mkdirSync(textDir, { recursive: true });

  const cursor = new PoolCursor();
  const printer = new ChromiumPrinter();
  const labels: LetterLabel[] = [];
  try {
    for (const entry of CATALOG) {
      const model = buildModel(entry, cursor);
      const bytes = await renderText(entry, model, printer);
      const file = `text/${entry.id}.${EXTENSIONS[entry.format]}`;
      fs.writeFileSync(path.join(FIXTURES_DIR, file), bytes);
      labels.push(labelFor(model, { file, format: entry.format, producer: entry.producer, group: 'text' }));
      process.stdout.write(`${file} (${Math.round(bytes.length / 1024)} KB)\n`);
    }
  } finally {
    await printer.close();
  }

  const labelsFile = LabelsFile.parse({ checkedOn: CHECKED_ON, letters: labels });
  fs.writeFileSync(path.join(FIXTURES_DIR, 'labels.json'), `${JSON.stringify(labelsFile, null, 2)}\n`);
  const deficient = labels.filter((l) => l.deficient).length;
  process.stdout.write(`\n${labels.length} letters (${deficient} deficient) -> fixtures/labels.json\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
