import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { ENGLISH_MODEL_FILE } from './engineParameters.js';

// The package's own node_modules/.cache: where npm-installed tools keep what they derive from
// their dependencies, writable after `npm install` and, in the image, filled at build time.
const PACKAGE_CACHE = fileURLToPath(new URL('../../../node_modules/.cache/offercheck', import.meta.url));

/**
 * Where native tesseract reads the English model from: a directory holding only
 * `eng.traineddata`, unpacked from the same best_int file tesseract.js reads (so both engines use
 * one model), named by the content's hash and made read-only. Native tesseract reads a model only
 * from a file, so this is the one file the service puts on disk; it is the published model, never
 * anything from a letter.
 *
 * It is made once: at image build time, or on the first start-up, in node_modules/.cache when that
 * is writable, else in a directory of this user's under the system's temporary folder. A directory
 * found there is used only if this user or root owns it, nobody else can write to it, and its file
 * is byte for byte the model: a stale or planted copy is never read.
 */
export function nativeModelDir(parents: readonly string[] = defaultParents(), gzFile = ENGLISH_MODEL_FILE): string {
  const model = zlib.gunzipSync(fs.readFileSync(gzFile));
  const name = `tessdata-eng-${createHash('sha256').update(model).digest('hex').slice(0, 16)}`;
  const problems: string[] = [];
  for (const parent of parents) {
    const dir = path.join(parent, name);
    try {
      if (holdsModel(dir, model)) return dir;
      writeModelDir(parent, dir, model);
      if (holdsModel(dir, model)) return dir;
      problems.push(`${dir} exists but is not a read-only copy of the model owned by this user or root`);
    } catch (error) {
      problems.push(`${dir}: ${(error as Error).message}`);
    }
  }
  throw new Error(`Could not prepare the English model for native tesseract (${problems.join('; ')}).`);
}

function defaultParents(): string[] {
  return [PACKAGE_CACHE, path.join(os.tmpdir(), `offercheck-${process.getuid?.() ?? 'user'}`)];
}

/** Unpacks into a fresh directory beside the final one, seals it read-only, then renames it into place in one step. */
function writeModelDir(parent: string, dir: string, model: Buffer): void {
  fs.mkdirSync(parent, { recursive: true, mode: 0o755 });
  const staging = fs.mkdtempSync(`${dir}.partial-`);
  try {
    fs.writeFileSync(path.join(staging, 'eng.traineddata'), model, { mode: 0o444, flag: 'wx' });
    fs.chmodSync(staging, 0o555);
    fs.renameSync(staging, dir);
  } catch (error) {
    // Another process may have put the same directory in place first: that one is checked next.
    fs.chmodSync(staging, 0o700);
    fs.rmSync(staging, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Whether the directory is a sealed copy of the model that nobody but its owner (this user or
 * root) could have changed or could swap: the folder it sits in included.
 */
function holdsModel(dir: string, model: Buffer): boolean {
  const file = path.join(dir, 'eng.traineddata');
  let parent: fs.Stats;
  let folder: fs.Stats;
  let data: fs.Stats;
  try {
    parent = fs.lstatSync(path.dirname(dir));
    folder = fs.lstatSync(dir);
    data = fs.lstatSync(file);
  } catch {
    return false;
  }
  const uid = process.getuid?.();
  const ownedByUs = (stat: fs.Stats) => uid === undefined || stat.uid === uid || stat.uid === 0;
  const sealed = (stat: fs.Stats) => ownedByUs(stat) && (stat.mode & 0o222) === 0;
  if (!parent.isDirectory() || !ownedByUs(parent) || (parent.mode & 0o022) !== 0) return false;
  if (!folder.isDirectory() || !sealed(folder) || !data.isFile() || !sealed(data)) return false;
  return data.size === model.length && fs.readFileSync(file).equals(model);
}
