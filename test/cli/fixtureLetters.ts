import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabelsFile, type LetterLabel } from '../../scripts/eval/labelsSchema.js';
import { mediaTypeForFileName } from '../../src/cli/letterCheck.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface FixtureLetter {
  /** Path under fixtures/, e.g. text/pdfkit-classic-05.pdf. */
  file: string;
  /** The file's own name, as a browser would send it. */
  name: string;
  path: string;
  bytes: Buffer;
  mediaType: string;
  /** The name the student types, from the label's request. */
  studentName: string;
  label: LetterLabel;
}

let labels: Promise<LabelsFile> | null = null;

/** One of the invented, labelled letters in fixtures/ (see fixtures/README.md), with what it should give. */
export async function fixtureLetter(file: string): Promise<FixtureLetter> {
  labels ??= readFile(path.join(FIXTURES_DIR, 'labels.json'), 'utf8').then((text) => LabelsFile.parse(JSON.parse(text)));
  const label = (await labels).letters.find((l) => l.file === file);
  if (!label) throw new Error(`fixtures/labels.json has no letter ${file}`);
  const full = path.join(FIXTURES_DIR, file);
  return {
    file,
    name: path.basename(file),
    path: full,
    bytes: await readFile(full),
    mediaType: mediaTypeForFileName(file) ?? 'application/octet-stream',
    studentName: label.request.student_name ?? '',
    label,
  };
}
