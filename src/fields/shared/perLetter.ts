import type { Letter } from '../letter.js';

/**
 * A derivation of the letter (its lines, sentences, dates, addresses) computed once per letter and
 * shared by every detector that reads it: findElements runs fourteen detectors over the same
 * letter, and several of them read the same dates and lines. The detectors stay independent (each
 * still asks for what it needs); only the work is shared. Results are shared, hence readonly.
 */
export function perLetter<T>(derive: (letter: Letter) => T): (letter: Letter) => T {
  const cache = new WeakMap<Letter, { value: T }>();
  return (letter) => {
    const hit = cache.get(letter);
    if (hit) return hit.value;
    const value = derive(letter);
    cache.set(letter, { value });
    return value;
  };
}
