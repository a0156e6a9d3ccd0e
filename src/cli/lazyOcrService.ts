import type { OcrService } from '../extract/ocrService.js';

/**
 * Starts the OCR workers on the first page that needs them: a command that checks a few PDFs
 * with a text layer should not pay for loading the engine, while a folder of scans still shares
 * one pool across all its letters.
 */
export function lazyOcrService(start: () => OcrService): OcrService {
  let service: OcrService | null = null;
  const started = () => (service ??= start());
  return {
    recognize: (page, options) => started().recognize(page, options),
    ready: () => (service ? service.ready() : Promise.resolve()),
    close: () => (service ? service.close() : Promise.resolve()),
  };
}
