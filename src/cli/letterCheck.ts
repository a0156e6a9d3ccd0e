import type { Report } from '../report/index.js';

/** What went wrong with one letter: a problem code from the service, or one of the CLI's own. */
export interface LetterError {
  code: string;
  title: string;
  detail?: string;
}

export type LetterResult = { file: string; report: Report } | { file: string; error: LetterError };

/** One file as the command read it. */
export interface LetterFile {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string | null;
}

/** Something that checks letters: the in-process checker or a remote service. */
export interface LetterChecker {
  check(bytes: Uint8Array, request: { fileName: string; mediaType: string | null; studentName?: string; profile?: string }): Promise<Report>;
  /** One student's case: the letter first, then the documents sent after it, judged as one report. */
  checkCase(files: LetterFile[], request: { studentName?: string; profile?: string }): Promise<Report>;
  /** A profile's name for the record, where the checker knows it. */
  profileName(id: string): string | null;
  close(): Promise<void>;
}

/** Thrown by a LetterChecker for a refused or failed letter; other letters go on. */
export class LetterCheckError extends Error {
  constructor(readonly problem: LetterError) {
    super(problem.detail ?? problem.title);
    this.name = 'LetterCheckError';
  }
}

// The type a browser would send for the name; the service trusts the bytes, and only warns on a mismatch.
const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  txt: 'text/plain',
  text: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
};

export function mediaTypeForFileName(fileName: string): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && TYPES_BY_EXTENSION[extension]) || null;
}

/** 0 when every letter is complete, 1 when any is incomplete or needs review, 2 when any could not be checked. */
export function exitCodeFor(results: LetterResult[]): 0 | 1 | 2 {
  if (results.some((r) => 'error' in r)) return 2;
  if (results.some((r) => 'report' in r && r.report.verdict !== 'complete')) return 1;
  return 0;
}
