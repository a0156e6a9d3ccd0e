import { createHash } from 'node:crypto';
import type { DocumentFacts, VerifiedSignatureMark } from './case/caseFacts.js';
import { mergeCase, nameOfDocument } from './case/mergeCase.js';
import { withDigitalSignature } from './case/withDigitalSignature.js';
import type { Settings } from './config/settings.js';
import type { LetterDocument } from './document/letterDocument.js';
import { extractDocument } from './extract/extractDocument.js';
import { createDocumentReaders, type ReaderLogger } from './isolation/createDocumentReaders.js';
import type { DocumentReaders, ReadersReadiness } from './isolation/readerProtocol.js';
import { ocrConfidenceOf, textSourceOf } from './extract/extractedDocument.js';
import type { OcrService } from './extract/ocrService.js';
import type { FoundElements } from './fields/findElements.js';
import { lowOcrConfidenceFindings } from './fields/shared/ocrUncertainty.js';
import { findSignatureServiceMarks } from './fields/signatureServiceMarks.js';
import { findPdfSignatures } from './ingest/findPdfSignatures.js';
import { ingestDocument } from './ingest/ingestDocument.js';
import { Report, type DocumentRef, type DocumentSummary, type Finding } from './report/index.js';
import {
  CaseTooLargeError,
  isProblemError,
  OverloadedError,
  ProcessingTimeoutError,
  TooManyDocumentsError,
  UnknownProfileError,
  type ProblemError,
} from './report/errors.js';
import { judgeLetter } from './rules/judgeLetter.js';
import { loadProfiles } from './rules/loadProfiles.js';
import type { Profile } from './rules/profile.js';
import type { CallerFacts } from './rules/ruleContext.js';
import { isFreeMailDomain, mailDomain } from './fields/shared/freeMailDomains.js';

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

/** One document of a case, as the client sent it. */
export interface CaseDocumentInput {
  bytes: Uint8Array;
  /** The Content-Type the client claimed for it; only used to warn when the bytes disagree. */
  declaredType?: string | null;
  /** The file name the client gave; named in the report and in quotes, and used to warn when the bytes disagree with its extension. */
  fileName?: string | null;
}

export interface Checker {
  /** One letter: the same as a case of one document, with its type and name from the options. */
  check(bytes: Uint8Array, options?: CheckOptions): Promise<Report>;
  /**
   * A case: the letter first, then the documents sent after it for the same student (follow-up
   * emails, an addendum, a page photographed apart), judged as one report. Each document is read
   * on its own within the usual limits; MAX_CASE_DOCUMENTS and MAX_CASE_BYTES bound the case.
   */
  checkCase(documents: CaseDocumentInput[], options?: Omit<CheckOptions, 'declaredType' | 'fileName'>): Promise<Report>;
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

  /** What reading one document of a case gives: its pages, its elements, and the facts the rules read besides. */
  interface DocumentReading {
    ref: DocumentRef;
    kind: DocumentFacts['kind'];
    extracted: LetterDocument;
    elements: FoundElements;
    verifiedSignature: VerifiedSignatureMark[];
    bytes: number;
    sha256: string;
  }

  async function readDocument(input: CaseDocumentInput, ref: DocumentRef, signal: AbortSignal): Promise<DocumentReading> {
    const ingested = ingestDocument(input.bytes, input.declaredType ?? null, limits, { declaredName: ref.fileName });
    const extracted = await extractDocument(ingested, { limits, ocr, readers, signal });
    const letter = { pages: extracted.pages, email: extracted.email };
    // In a reader child too: the detectors run over text anyone can send, under the same deadline.
    const elements = await readers.findElements(letter, { signal });
    // A certificate in the PDF or a signing service's stamp: what "verified" means for an e-signature.
    const verifiedSignature: VerifiedSignatureMark[] = [
      ...(ingested.kind === 'pdf' ? findPdfSignatures(input.bytes) : []).map((s): VerifiedSignatureMark => ({
        how: 'certificate',
        what: `a PDF digital signature${s.signer ? ` by ${s.signer}` : ''}${s.subFilter ? ` (${s.subFilter})` : ''}`,
        signer: s.signer,
      })),
      ...findSignatureServiceMarks(letter).map((what): VerifiedSignatureMark => ({ how: 'service', what, signer: null })),
    ];
    return {
      ref,
      kind: ingested.kind,
      extracted,
      elements,
      verifiedSignature,
      bytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
    };
  }

  /** A case's documents, counted and measured before any is read. One document is held to MAX_UPLOAD_BYTES alone, as ever. */
  function checkCaseLimits(documents: readonly CaseDocumentInput[]): void {
    if (documents.length > settings.MAX_CASE_DOCUMENTS) {
      throw new TooManyDocumentsError(`${documents.length} documents were sent; one check takes at most ${settings.MAX_CASE_DOCUMENTS} (the letter and the documents sent after it).`);
    }
    const total = documents.reduce((n, d) => n + d.bytes.length, 0);
    if (documents.length > 1 && total > settings.MAX_CASE_BYTES) {
      throw new CaseTooLargeError(`The ${documents.length} documents are ${total} bytes together; one check takes at most ${settings.MAX_CASE_BYTES}.`);
    }
  }

  async function run(documents: CaseDocumentInput[], options: CheckOptions, signal: AbortSignal): Promise<Report> {
    const profile = chooseProfile(options);
    checkCaseLimits(documents);
    const refs = documents.map((d, index): DocumentRef => ({ index, fileName: d.fileName ?? null }));
    // The first document that cannot be read answers for the case: the others stop being read.
    const failed = new AbortController();
    const caseSignal = AbortSignal.any([signal, failed.signal]);
    const readings = await Promise.all(
      documents.map((input, i) =>
        readDocument(input, refs[i], caseSignal).catch((error: unknown) => {
          failed.abort(new Error('another document of the case could not be read'));
          throw documents.length > 1 ? inDocument(error, refs[i]) : error;
        }),
      ),
    );
    const letter = readings[0];
    const senderOf = (r: DocumentReading) => r.extracted.email?.from?.address ?? null;
    const facts: DocumentFacts[] = readings.map((r) => ({
      index: r.ref.index,
      fileName: r.ref.fileName,
      role: r.ref.index === 0 ? 'letter' : 'follow-up',
      kind: r.kind,
      mediaType: r.extracted.mediaType,
      sender: senderOf(r),
      verifiedSignature: r.verifiedSignature,
    }));
    const merged = withDigitalSignature(mergeCase(
      readings.map((r) => {
        const domain = senderOf(r) ? mailDomain(senderOf(r)!) : null;
        return { document: r.ref, elements: r.elements, freeMailFollowUp: r.ref.index > 0 && domain !== null && isFreeMailDomain(domain) };
      }),
    ), facts);
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const judgement = judgeLetter({
      elements: merged.elements,
      profile,
      caller: options,
      today,
      email: letter.extracted.email,
      settings: ruleSettings,
      documents: facts,
      merge: merged,
    });
    // Notices about a document of a case say which one.
    const named = (r: DocumentReading, message: string) => (readings.length > 1 ? `${capitalized(nameOfDocument(r.ref))}: ${message}` : message);
    const documentFindings: Finding[] = readings.flatMap((r) => [
      ...r.extracted.notices.map((n): Finding => ({ code: n.code, severity: 'warning', element: null, message: named(r, n.message) })),
      ...lowOcrConfidenceFindings(r.extracted.pages).map((f) => ({ ...f, message: named(r, f.message) })),
    ]);
    return Report.parse({
      verdict: judgement.verdict,
      profile: profile.id,
      checkedOn: today,
      document: summaryOf(letter.extracted),
      documents: readings.map((r) => ({
        ...summaryOf(r.extracted),
        index: r.ref.index,
        fileName: r.ref.fileName,
        role: r.ref.index === 0 ? 'letter' : 'follow-up',
        bytes: r.bytes,
        sha256: r.sha256,
      })),
      duration: judgement.duration,
      elements: judgement.elements,
      findings: [...judgement.findings, ...documentFindings],
    });
  }

  async function guarded(documents: CaseDocumentInput[], options: CheckOptions): Promise<Report> {
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
    const work = run(documents, options, gaveUp.signal);
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
  }

  return {
    profiles,
    check(bytes, options = {}) {
      const { declaredType, fileName, ...rest } = options;
      return guarded([{ bytes, declaredType, fileName }], rest);
    },
    checkCase: (documents, options = {}) => guarded(documents, options),
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

function summaryOf(document: LetterDocument): DocumentSummary {
  return {
    mediaType: document.mediaType,
    pages: document.pages.length,
    textSource: textSourceOf(document.pages),
    ocrConfidence: ocrConfidenceOf(document.pages),
    characters: document.pages.reduce((n, p) => n + p.text.length, 0),
  };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A document's problem, saying which document of the case it is: the same code, its message prefixed. */
function inDocument(error: unknown, document: DocumentRef): unknown {
  if (!isProblemError(error)) return error;
  const Problem = error.constructor as new (detail?: string) => ProblemError;
  return new Problem(`${capitalized(nameOfDocument(document))}: ${error.message}`);
}
