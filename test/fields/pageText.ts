import { letterFromText } from '../../src/fields/letter.js';

/** The text of the page a plain-text letter becomes, line breaks as spaces: evidence quotes are exact text from it. */
export function pageText(text: string): string {
  return letterFromText(text).pages[0].text.replace(/[\n\t]/g, ' ');
}
