/**
 * Measures the checker against the labelled fixture letters (fixtures/labels.json).
 *
 *   npm run eval                        every letter, text, OCR, wild and wild-ocr groups reported apart
 *   npm run eval -- --group text        only one group (text, ocr, wild or wild-ocr)
 *   npm run eval -- --file pdfkit       only letters whose path contains the text
 *   npm run eval -- --json              machine-readable output
 *   npm run eval -- --strict            exit 1 when an element is under 95% (text) / 90% (ocr),
 *                                       or a deficient letter is called complete
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSettings } from '../src/config/settings.js';
import { LabelGroup, LabelsFile } from './eval/labelsSchema.js';
import { formatSummary } from './eval/printSummary.js';
import { evaluateLetters, openChecker } from './eval/runChecker.js';
import { strictFailures, summarize } from './eval/score.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      group: { type: 'string' },
      file: { type: 'string' },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  if (values.group && !LabelGroup.safeParse(values.group).success) throw new Error(`--group is one of ${LabelGroup.options.join(', ')}`);

  // The letters written here and the wild ones from public templates, each with its own labels file.
  const labels = LabelsFile.parse(JSON.parse(readFileSync(new URL('labels.json', FIXTURES), 'utf8')));
  const wildLabels = new URL('wild/labels.json', FIXTURES);
  if (existsSync(wildLabels)) {
    const wild = LabelsFile.parse(JSON.parse(readFileSync(wildLabels, 'utf8')));
    if (wild.checkedOn !== labels.checkedOn) throw new Error('fixtures/wild/labels.json is checked on another day than fixtures/labels.json');
    labels.letters.push(...wild.letters);
  }
  const letters = labels.letters.filter((l) => (!values.group || l.group === values.group) && (!values.file || l.file.includes(values.file)));
  if (letters.length === 0) throw new Error('no letter matches the filters');

  // Logs would interleave with the tables; the evaluation reads its own results.
  const settings = loadSettings({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  const checker = await openChecker(settings, letters.some((l) => l.group === 'ocr' || l.group === 'wild-ocr'));
  let results;
  try {
    results = await evaluateLetters(checker, labels, letters, FIXTURES, (r) => {
      if (!values.json) process.stderr.write(`${r.verdict === r.expectedVerdict ? '.' : 'x'} ${r.file} (${r.seconds.toFixed(2)} s)\n`);
    });
  } finally {
    await checker.close();
  }

  const groups = LabelGroup.options.filter((g) => results.some((r) => r.group === g));
  const summaries = groups.map((g) => summarize(g, results.filter((r) => r.group === g)));
  const failures = summaries.flatMap(strictFailures);

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ checkedOn: labels.checkedOn, summaries, letters: results, strictFailures: failures }, null, 2)}\n`);
  } else {
    process.stdout.write(`${summaries.map(formatSummary).join('\n\n')}\n`);
    if (values.strict) process.stdout.write(failures.length ? `\nSTRICT: ${failures.length} failures\n${failures.map((f) => `  ${f}`).join('\n')}\n` : '\nSTRICT: passed\n');
  }
  return values.strict && failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
