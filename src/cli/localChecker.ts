import { createChecker } from '../checker.js';
import type { Settings } from '../config/settings.js';
import { createOcrService } from '../extract/ocr/createOcrService.js';
import { PROBLEM_TITLES, isProblemError } from '../report/errors.js';
import { lazyOcrService } from './lazyOcrService.js';
import { LetterCheckError, type LetterChecker } from './letterCheck.js';

/**
 * Checks letters in this process with the same pipeline the service runs (no server, nothing
 * sent anywhere). An unknown profile is refused before any letter is read.
 */
export async function createLocalChecker(settings: Settings, profile?: string): Promise<LetterChecker> {
  // The same OCR pool the service uses (OCR_WORKERS; 0 turns OCR off), started only if a letter needs it.
  const ocr = settings.OCR_WORKERS === 0 ? null : lazyOcrService(() => createOcrService(settings));
  const checker = await createChecker(settings, { ocr });
  if (profile && !checker.profiles.has(profile)) {
    await checker.close();
    throw new LetterCheckError({
      code: 'UNKNOWN_PROFILE',
      title: 'Unknown profile',
      detail: `There is no profile "${profile}". Known profiles: ${[...checker.profiles.keys()].join(', ')}.`,
    });
  }
  const asLetterError = (error: unknown) => {
    if (isProblemError(error)) return new LetterCheckError({ code: error.code, title: PROBLEM_TITLES[error.code] ?? error.code, detail: error.message });
    return new LetterCheckError({ code: 'INTERNAL_ERROR', title: 'The letter could not be checked', detail: (error as Error).message });
  };
  return {
    async check(bytes, { fileName, studentName }) {
      // The name alone: the checker warns when the bytes are not what the extension says.
      return checker.check(bytes, { fileName, studentName, profile }).catch((error: unknown) => Promise.reject(asLetterError(error)));
    },
    async checkCase(files, { studentName }) {
      const documents = files.map((f) => ({ bytes: f.bytes, fileName: f.fileName }));
      return checker.checkCase(documents, { studentName, profile }).catch((error: unknown) => Promise.reject(asLetterError(error)));
    },
    profileName: (id) => checker.profiles.get(id)?.name ?? null,
    close: () => checker.close(),
  };
}
