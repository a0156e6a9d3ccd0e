import type { EmailEnvelope, ExtractedPage } from '../extract/extractedDocument.js';

/** What every field reads: the letter's pages of text and, for an email, its headers. */
export interface Letter {
  pages: Pick<ExtractedPage, 'number' | 'text' | 'source' | 'words' | 'imageCount'>[];
  email: EmailEnvelope | null;
}

/** A one-page letter from plain text: how the field tests build their input. */
export function letterFromText(text: string, email: EmailEnvelope | null = null): Letter {
  return { pages: [{ number: 1, text, source: 'text', imageCount: 0 }], email };
}
