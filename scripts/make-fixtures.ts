/**
 * Regenerates every fixture letter under fixtures/ and fixtures/labels.json from the catalog.
 * Deterministic: each letter is drawn from a PRNG seeded by its id and file metadata uses a
 * fixed date. Needs Chromium, poppler-utils, ImageMagick, qpdf and heif-enc; see fixtures/README.md.
 *
 *   npm run fixtures
 *   npm run fixtures -- --wild     only fixtures/wild/ (letters from public templates; needs LibreOffice and pdflatex too)
 *   npm run fixtures -- --wild-ocr only fixtures/wild/ocr/ (photos and scans of the wild PDF letters already made)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabelsFile, type LetterLabel } from './eval/labelsSchema.js';
import { PoolCursor } from './fixtures/baseLetter.js';
import { buildModel } from './fixtures/buildModel.js';
import { CATALOG } from './fixtures/catalog.js';
import { labelFor } from './fixtures/labels.js';
import { makeOcrLetter } from './fixtures/ocr/makeOcrLetter.js';
import { OCR_CATALOG } from './fixtures/ocr/ocrCatalog.js';
import { ChromiumPrinter } from './fixtures/render/chromium.js';
import { EXTENSIONS, FIXED_DATE, renderText } from './fixtures/renderText.js';
import { makeWildFixtures } from './fixtures/wild/makeWild.js';
import { remakeWildOcrFixtures } from './fixtures/wild/makeWildOcr.js';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const CHECKED_ON = '2026-12-01';
// Uploads of more than this are unusual for one letter; keep the repository light.
const OCR_MAX_BYTES = 600 * 1024;

async function main(): Promise<void> {
  if (process.argv.includes('--wild-ocr')) {
    await remakeWildOcrFixtures(FIXTURES_DIR);
    return;
  }
  if (process.argv.includes('--wild')) {
    await makeWildFixtures(FIXTURES_DIR, CHECKED_ON);
    return;
  }
  for (const dir of ['text', 'ocr']) {
    fs.rmSync(path.join(FIXTURES_DIR, dir), { recursive: true, force: true });
    fs.mkdirSync(path.join(FIXTURES_DIR, dir), { recursive: true });
  }

  const cursor = new PoolCursor();
  const printer = new ChromiumPrinter();
  const labels: LetterLabel[] = [];
  const texts = new Map<string, { bytes: Buffer; label: LetterLabel }>();
  try {
    for (const entry of CATALOG) {
      const model = buildModel(entry, cursor);
      const bytes = await renderText(entry, model, printer);
      const file = `text/${entry.id}.${EXTENSIONS[entry.format]}`;
      fs.writeFileSync(path.join(FIXTURES_DIR, file), bytes);
      const label = labelFor(model, { file, format: entry.format, producer: entry.producer, group: 'text' });
      labels.push(label);
      texts.set(entry.id, { bytes, label });
      process.stdout.write(`${file} (${Math.round(bytes.length / 1024)} KB)\n`);
    }
  } finally {
    await printer.close();
  }

  for (const entry of OCR_CATALOG) {
    const source = texts.get(entry.source);
    if (!source || source.label.format !== 'pdf') throw new Error(`${entry.id}: source ${entry.source} is not a text PDF`);
    const made = await makeOcrLetter(entry, source.bytes, source.label.producer, FIXED_DATE);
    if (made.bytes.length > OCR_MAX_BYTES) throw new Error(`${entry.id}: ${Math.round(made.bytes.length / 1024)} KB, over ${OCR_MAX_BYTES / 1024} KB`);
    const file = `ocr/${entry.id}.${made.extension}`;
    fs.writeFileSync(path.join(FIXTURES_DIR, file), made.bytes);
    labels.push({
      ...source.label,
      file,
      format: made.format,
      producer: made.producer,
      group: 'ocr',
      derivedFrom: source.label.file,
      description: `${made.how} of ${entry.source}: ${source.label.description}`,
    });
    process.stdout.write(`${file} (${Math.round(made.bytes.length / 1024)} KB)\n`);
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
