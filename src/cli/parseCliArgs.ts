import { parseArgs } from 'node:util';

export interface CliOptions {
  files: string[];
  studentName?: string;
  profile?: string;
  url?: string;
  json: boolean;
  csv?: string;
  /** Write the record of the check (a PDF for the student's file) here. */
  pdf?: string;
  /** The files are one student's case: the letter first, then the documents sent after it. */
  case: boolean;
  concurrency: number;
  help: boolean;
  version: boolean;
}

/** A mistake in how the command was called: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 32;

export const USAGE = `Usage: offercheck [options] <letter> [more letters or folders]

Checks internship and co-op offer letters (PDF, Word .docx, .eml, .msg, text,
photos and scans) against the CPT checklist and shows what is present, what is
missing, and the sentence to ask the employer for.

Options:
  --name <name>        The student's name; the letter must be addressed to them
  --profile <id>       Checklist profile (default: cpt)
  --url <url>          Check with a running offercheck service (e.g. http://127.0.0.1:3000)
                       instead of in this process
  --json               Print JSON: the report for one letter; for several, an array
                       of {"file", "report"} or {"file", "error"}
  --csv <file>         Also write one row per letter to <file>
  --case               The files are one student's case, checked together as one
                       report: the letter first, then what the employer sent after
                       it (a follow-up email, an addendum, a page photographed apart)
  --pdf <file>         Also write the record of the check to <file>: a one- or
                       two-page PDF for the student's file (one letter, or --case)
  --concurrency <n>    Letters checked at the same time (default ${DEFAULT_CONCURRENCY})
  -h, --help           Show this help
  -v, --version        Show the version

A folder stands for the files directly inside it. With --url, a service that
requires an API key gets it from the environment variable OFFERCHECK_API_KEY.
Exit status: 0 every letter is complete; 1 a letter is incomplete or needs review;
2 an error (a file that cannot be read or checked, or a bad option).
`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        profile: { type: 'string' },
        url: { type: 'string' },
        json: { type: 'boolean', default: false },
        csv: { type: 'string' },
        pdf: { type: 'string' },
        case: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // node:util's messages name the option ("Unknown option '--nmae'"); keep them, minus its own advice.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    files: positionals,
    json: values.json ?? false,
    case: values.case ?? false,
    concurrency: DEFAULT_CONCURRENCY,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (options.help || options.version) return options;

  if (values.name !== undefined) {
    const name = values.name.trim();
    if (!name) throw new UsageError('--name needs a name, e.g. --name "Priya Raman".');
    if (name.length > 200) throw new UsageError('--name is longer than 200 characters.');
    options.studentName = name;
  }
  if (values.profile !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(values.profile)) throw new UsageError(`--profile "${values.profile}" is not a profile id (lower-case letters, digits and dashes).`);
    options.profile = values.profile;
  }
  if (values.url !== undefined) {
    let url: URL;
    try {
      url = new URL(values.url);
    } catch {
      throw new UsageError(`--url "${values.url}" is not a URL; give the service's address, e.g. http://127.0.0.1:3000.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url must be an http:// or https:// address, not ${url.protocol}.`);
    options.url = url.href;
  }
  if (values.csv !== undefined) {
    if (!values.csv.trim()) throw new UsageError('--csv needs a file name, e.g. --csv results.csv.');
    options.csv = values.csv;
  }
  if (values.pdf !== undefined) {
    if (!values.pdf.trim()) throw new UsageError('--pdf needs a file name, e.g. --pdf record.pdf.');
    options.pdf = values.pdf;
  }
  if (values.concurrency !== undefined) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
      throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${values.concurrency}".`);
    }
    options.concurrency = n;
  }
  if (options.files.length === 0) throw new UsageError('Name at least one letter to check, e.g. offercheck letter.pdf.');
  if (options.pdf && !options.case && options.files.length > 1) {
    throw new UsageError('--pdf writes the record of one check: name one letter, or add --case for one student\'s documents.');
  }
  return options;
}
