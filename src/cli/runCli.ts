import { readFileSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSettings, SettingsError, type Settings } from '../config/settings.js';
import { formatCsv } from './formatCsv.js';
import { formatError, formatReport, summaryLine, textStyle } from './formatReport.js';
import { renderRecordPdf } from '../record/renderRecordPdf.js';
import { LetterCheckError, exitCodeFor, mediaTypeForFileName, type LetterChecker, type LetterFile, type LetterResult } from './letterCheck.js';
import { createLocalChecker } from './localChecker.js';
import { createRemoteChecker } from './remoteChecker.js';
import { USAGE, UsageError, parseCliArgs, type CliOptions } from './parseCliArgs.js';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

function version(): string {
  // ../../package.json from both src/cli (tsx) and dist/cli (built).
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Files as given; a folder stands for the regular, non-hidden files directly inside it, in name order. */
async function listLetters(args: string[], cwd: string): Promise<{ file: string; path: string | null; error?: string }[]> {
  const letters: { file: string; path: string | null; error?: string }[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    const info = await stat(full).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(full, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
      for (const name of entries) letters.push({ file: path.join(arg, name), path: path.join(full, name) });
    } else {
      letters.push({ file: arg, path: full });
    }
  }
  return letters;
}

/** A one-line "[3/40] checked letter.pdf" on a terminal's stderr, erased before anything else is printed. */
function progressLine(stream: OutputStream, total: number) {
  const active = Boolean(stream.isTTY) && total > 1;
  let shown = false;
  return {
    update(done: number, file: string) {
      if (!active) return;
      const text = `[${done}/${total}] ${file}`;
      const width = (stream.columns ?? 80) - 1;
      stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    clear() {
      if (active && shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/**
 * A file's bytes, refused before reading when it cannot be read or is over MAX_UPLOAD_BYTES (so a
 * huge file is never loaded just to be refused). `named`: the error says which file (in a case).
 */
async function readLetterFile(letter: { file: string; path: string | null }, settings: Settings | null, named = false): Promise<Buffer> {
  const which = named ? `${letter.file}: ` : '';
  const info = await stat(letter.path!).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EACCES' ? 'permission denied' : (error.code ?? error.message);
    throw new LetterCheckError({ code: 'FILE_UNREADABLE', title: 'The file cannot be read', detail: `${which}${why}` });
  });
  if (!info.isFile()) throw new LetterCheckError({ code: 'FILE_UNREADABLE', title: 'The file cannot be read', detail: `${which}not a regular file` });
  if (settings && info.size > settings.MAX_UPLOAD_BYTES) {
    throw new LetterCheckError({ code: 'FILE_TOO_LARGE', title: 'The file is too large', detail: `${which}The file is ${info.size} bytes; the limit is ${settings.MAX_UPLOAD_BYTES}.` });
  }
  return readFile(letter.path!);
}

function failed(file: string, error: unknown): LetterResult {
  if (error instanceof LetterCheckError) return { file, error: error.problem };
  return { file, error: { code: 'INTERNAL_ERROR', title: 'The letter could not be checked', detail: (error as Error).message } };
}

async function checkOne(checker: LetterChecker, letter: { file: string; path: string | null }, options: CliOptions, settings: Settings | null): Promise<LetterResult> {
  try {
    const bytes = await readLetterFile(letter, settings);
    const report = await checker.check(bytes, {
      fileName: path.basename(letter.file),
      mediaType: mediaTypeForFileName(letter.file),
      studentName: options.studentName,
      profile: options.profile,
    });
    return { file: letter.file, report };
  } catch (error) {
    return failed(letter.file, error);
  }
}

/** --case: the files are one student's documents, the letter first, judged as one report under the names joined. */
async function checkCaseFiles(checker: LetterChecker, letters: { file: string; path: string | null }[], options: CliOptions, settings: Settings | null): Promise<LetterResult> {
  const name = letters.map((l) => l.file).join(' + ');
  try {
    const files: LetterFile[] = [];
    for (const letter of letters) {
      files.push({ bytes: await readLetterFile(letter, settings, true), fileName: path.basename(letter.file), mediaType: mediaTypeForFileName(letter.file) });
    }
    return { file: name, report: await checker.checkCase(files, { studentName: options.studentName, profile: options.profile }) };
  } catch (error) {
    return failed(name, error);
  }
}

/**
 * The offercheck command: checks the letters named on the command line, prints a table (or JSON)
 * and returns the exit status. Everything it touches comes through `io`, so tests run it in-process.
 */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const { stdout = process.stdout, stderr = process.stderr, env = process.env, cwd = process.cwd() } = io;
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`offercheck: ${error.message}\nRun offercheck --help for the options.\n`);
    return 2;
  }
  if (options.help) {
    stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    stdout.write(`${version()}\n`);
    return 0;
  }

  let settings: Settings | null = null;
  let checker: LetterChecker;
  try {
    if (options.url) {
      checker = createRemoteChecker(options.url, { apiKey: env.OFFERCHECK_API_KEY?.trim() || undefined });
    } else {
      settings = loadSettings(env);
      checker = await createLocalChecker(settings, options.profile);
    }
  } catch (error) {
    if (error instanceof SettingsError) stderr.write(`offercheck: ${error.message}\n`);
    else if (error instanceof LetterCheckError) stderr.write(`offercheck: ${error.problem.detail ?? error.problem.title}\n`);
    else stderr.write(`offercheck: ${(error as Error).message}\n`);
    return 2;
  }

  const style = textStyle(stdout, env);
  const errorStyle = textStyle(stderr, env);
  const listed = await listLetters(options.files, cwd);
  if (listed.length === 0) {
    await checker.close();
    stderr.write('offercheck: the folders given hold no files to check.\n');
    return 2;
  }
  if (options.pdf && !options.case && listed.length > 1) {
    await checker.close();
    stderr.write(`offercheck: --pdf writes the record of one check, and ${options.files.join(' ')} holds ${listed.length} letters; add --case if they are one student's documents.\n`);
    return 2;
  }
  // A case is one check of all its files: it runs, prints and counts as one letter.
  const letters = options.case ? [{ file: listed.map((l) => l.file).join(' + '), path: null }] : listed;

  const progress = progressLine(stderr, letters.length);
  const results: LetterResult[] = new Array(letters.length);
  let printed = 0;
  let done = 0;
  // Letters finish out of order; the table prints them in the order given, as soon as each one's turn comes.
  const printReady = () => {
    if (options.json) return;
    while (printed < letters.length && results[printed]) {
      const result = results[printed];
      progress.clear();
      if ('report' in result) stdout.write(`${printed > 0 ? '\n' : ''}${formatReport(result.file, result.report, style)}`);
      else {
        if (printed > 0) stdout.write('\n');
        stdout.write(formatError(result.file, result.error, style));
      }
      printed += 1;
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < letters.length) {
      const index = next++;
      results[index] = options.case ? await checkCaseFiles(checker, listed, options, settings) : await checkOne(checker, letters[index], options, settings);
      done += 1;
      printReady();
      progress.update(done, letters[index].file);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, letters.length) }, worker));
  } finally {
    progress.clear();
  }
  // The record for the file, from the one report (made here from whichever checker's report, local or remote).
  let recordError: string | null = null;
  if (options.pdf && 'report' in results[0]) {
    try {
      const record = await renderRecordPdf(results[0].report, { profileName: checker.profileName(results[0].report.profile) });
      await writeFile(path.resolve(cwd, options.pdf), record);
    } catch (error) {
      recordError = `offercheck: cannot write the record to ${options.pdf}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`;
    }
  }
  await checker.close();

  if (options.json) {
    const json = letters.length === 1 && 'report' in results[0] ? results[0].report : letters.length === 1 ? results[0] : results;
    stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (letters.length > 1) {
    stdout.write(`\n${summaryLine(results)}\n`);
  }
  for (const result of results) {
    // Errors also go to stderr, so they are seen when stdout is piped to a file or to jq.
    if ('error' in result && options.json) stderr.write(formatError(result.file, result.error, errorStyle));
  }

  if (recordError) {
    stderr.write(recordError);
    return 2;
  }
  if (options.pdf && !('report' in results[0])) stderr.write(`offercheck: no record written to ${options.pdf}: the letter could not be checked.\n`);

  if (options.csv) {
    try {
      await writeFile(path.resolve(cwd, options.csv), formatCsv(results));
    } catch (error) {
      stderr.write(`offercheck: cannot write ${options.csv}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  }
  return exitCodeFor(results);
}
