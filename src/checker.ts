import type { Settings } from './config/settings.js';
import { extractDocument } from './extract/extractDocument.js';
import { createDocumentReaders, type ReaderLogger } from './extract/isolation/createDocumentReaders.js';
import type { DocumentReaders, ReadersReadiness } from './extract/isolation/readerProtocol.js';
import { ocrConfidenceOf, textSourceOf } from './extract/extractedDocument.js';
import type { OcrService } from './extract/ocrService.js';
import { lowOcrConfidenceFindings } from './fields/shared/ocrUncertainty.js';
import { ingestDocument } from './ingest/ingestDocument.js';
import { Report, type Finding } from './report/index.js';
import { OverloadedError, ProcessingTimeoutError, UnknownProfileError } from './report/errors.js';
import { judgeLetter } from './rules/judgeLetter.js';
import { loadProfiles } from './rules/loadProfiles.js';
import type { Profile } from './rules/profile.js';
import type { CallerFacts } from './rules/ruleContext.js';

export interface CheckOptions extends CallerFacts {
  /** Profile id; when absent, `program` chooses it, else the default `cpt`. */
  profile?: string;
  /** The Content-Type or file type the client claimed; only used to warn when the bytes disagree. */
  declaredType?: string | null;
  /** The file name the client gave; only used to warn when the bytes disagree with its extension. */
  fileName?: string | null;
  /** YYYY-MM-DD; defaults to the current UTC date. Fixed in evaluations so results reproduce. */
  today?: string;
}

export interface Checker {
  check(bytes: Uint8Array, options?: CheckOptions): Promise<Report>;
  profiles: Map<string, Profile>;
  /** Resolves once everything a check needs (OCR workers) is loaded; starts the reader children without waiting for them. */
  ready(): Promise<void>;
  /**
   * Whether a letter could be checked now, asked at every /readyz: not when this process's own
   * memory is past MAX_RSS_MB, when no reader child can start, or while shutting down.
   */
  readiness(): ReadersReadiness;
  /** Starts the reader children and resolves once they listen (a first request would otherwise wait for them). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export interface CheckerDependencies {
  ocr?: OcrService | null;
  /** Where the document parsers run; by default a pool of capped child processes (READER_WORKERS). */
  readers?: DocumentReaders;
  /** Told when a reader child is ended or cannot start (causes and sizes, never content). */
  log?: ReaderLogger;
}

const PROGRAM_PROFILES: Record<NonNullable<CallerFacts['program']>, string> = {
  cpt: 'cpt',
  coop: 'coop',
  'micro-internship': 'micro-internship',
};

/** The whole pipeline, ingest -> extract -> fields -> rules -> report, shared by the HTTP API, the CLI and the evaluation. */
export async function createChecker(settings: Settings, dependencies: CheckerDependencies = {}): Promise<Checker> {
  const ruleSettings = {
    minimumWageHourly: settings.MINIMUM_WAGE_HOURLY,
    microInternshipWindow: { start: settings.MICRO_INTERNSHIP_WINDOW_START, end: settings.MICRO_INTERNSHIP_WINDOW_END },
  };
  const profiles = loadProfiles(settings.PROFILES_DIR, ruleSettings);
  const ocr = dependencies.ocr ?? null;
  const readers = dependencies.readers ?? createDocumentReaders(settings, dependencies.log);
  const limits = {
    maxBytes: settings.MAX_UPLOAD_BYTES,
    maxPages: settings.MAX_PAGES,
    maxTextChars: settings.MAX_TEXT_CHARS,
    maxEntries: settings.MAX_ZIP_ENTRIES,
    maxUncompressedBytes: settings.MAX_ZIP_UNCOMPRESSED_BYTES,
    maxRatio: settings.MAX_ZIP_RATIO,
    maxImagePixels: settings.MAX_IMAGE_PIXELS,
    maxPdfDecodedBytes: settings.MAX_PDF_DECODED_BYTES,
    // One XML part of a Word document, as a string and a tree, must fit well inside a reader's heap.
    maxXmlPartBytes: Math.min(16, settings.READER_MEMORY_MB / 16) * 1024 * 1024,
  };
  // Checks under way, so that close() lets them finish before the workers end.
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  function chooseProfile(options: CheckOptions): Profile {
    const id = options.profile ?? (options.program ? PROGRAM_PROFILES[options.program] : 'cpt');
    const profile = profiles.get(id);
    if (!profile) throw new UnknownProfileError(`There is no profile "${id}". Known profiles: ${[...profiles.keys()].join(', ')}.`);
    return profile;
  }

  async function run(bytes: Uint8Array, options: CheckOptions, signal: AbortSignal): Promise<Report> {
    const profile = chooseProfile(options);
    const ingested = ingestDocument(bytes, options.declaredType ?? null, limits, { declaredName: options.fileName });
    const extracted = await extractDocument(ingested, { limits, ocr, readers, signal });
    // In a reader child too: the detectors run over text anyone can send, under the same deadline.
    const elements = await readers.findElements({ pages: extracted.pages, email: extracted.email }, { signal });
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const judgement = judgeLetter({
      elements,
      profile,
      caller: options,
      today,
      email: extracted.email,
      settings: ruleSettings,
    });
    const documentFindings: Finding[] = [
      ...extracted.notices.map((n): Finding => ({ code: n.code, severity: 'warning', element: null, message: n.message })),
      ...lowOcrConfidenceFindings(extracted.pages),
    ];
    return Report.parse({
      verdict: judgement.verdict,
      profile: profile.id,
      checkedOn: today,
      document: {
        mediaType: extracted.mediaType,
        pages: extracted.pages.length,
        textSource: textSourceOf(extracted.pages),
        ocrConfidence: ocrConfidenceOf(extracted.pages),
        characters: extracted.pages.reduce((n, p) => n + p.text.length, 0),
      },
      duration: judgement.duration,
      elements: judgement.elements,
      findings: [...judgement.findings, ...documentFindings],
    });
  }

  return {
    profiles,
    async check(bytes, options = {}) {
      if (closing) throw new OverloadedError('The service is shutting down; send the letter again in a moment.');
      let timer: NodeJS.Timeout | undefined;
      // Past the deadline the request is answered, and the work stops: the reader child still on
      // the document is ended (and replaced), its pages still queued for OCR are dropped.
      const gaveUp = new AbortController();
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new ProcessingTimeoutError(`Reading the letter took longer than ${settings.REQUEST_TIMEOUT_MS / 1000} s.`);
          gaveUp.abort(error);
          reject(error);
        }, settings.REQUEST_TIMEOUT_MS);
      });
      const work = run(bytes, options, gaveUp.signal);
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.then(() => inFlight.delete(settled));
      try {
        return await Promise.race([work, deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    async ready() {
      // Reader children start in well under a second and a request simply waits for one: this waits for OCR.
      void readers.warm().catch(() => undefined);
      if (ocr) await ocr.ready();
    },
    readiness() {
      if (closing) return { ready: false, reason: 'The service is shutting down.' };
      // The readers' memory is theirs, bounded per child: this is the uploads and OCR held here.
      const rssMb = Math.round(process.memoryUsage.rss() / (1024 * 1024));
      if (rssMb > settings.MAX_RSS_MB) return { ready: false, reason: `The service's memory (${rssMb} MB) is past MAX_RSS_MB (${settings.MAX_RSS_MB}).` };
      return readers.readiness?.() ?? { ready: true };
    },
    warm: () => readers.warm(),
    /** New checks are refused, the ones under way finish, then the reader children and OCR workers end. */
    async close() {
      closing = true;
      await Promise.all(inFlight);
      await Promise.all([readers.close(), ocr ? ocr.close() : undefined]);
    },
  };
}
