import * as errors from '../report/errors.js';
import type { ProblemError } from '../report/errors.js';
import type { ProblemCode } from '../report/problem.js';

export {
  DocumentTooComplexError,
  DocumentUnreadableError,
  NotReadyError,
  OverloadedError,
  ProcessingTimeoutError,
} from '../report/errors.js';

type ProblemErrorClass = new (detail?: string) => ProblemError;

// Every problem class, by the code its instances carry: a reader child sends a code, this process throws the class.
const CLASSES = new Map<string, ProblemErrorClass>();
for (const value of Object.values(errors)) {
  if (typeof value !== 'function' || value === errors.isProblemError) continue;
  try {
    const probe = new (value as ProblemErrorClass)('probe');
    if (errors.isProblemError(probe)) CLASSES.set(probe.code as ProblemCode, value as ProblemErrorClass);
  } catch {
    // not an error class
  }
}

/** The problem error a reader child reported; an unknown code is an unreadable document, never an internal error. */
export function problemErrorFor(code: string, message: string): ProblemError {
  const Cls = CLASSES.get(code) ?? errors.DocumentUnreadableError;
  return new Cls(message);
}
