import { nameOfDocument } from '../case/mergeCase.js';
import type { DocumentFacts } from '../case/caseFacts.js';
import type { Rule } from './ruleContext.js';

const KIND_WORDS: Record<DocumentFacts['kind'], string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  doc: 'a Word 97-2003 document',
  email: 'an email (.eml)',
  msg: 'an Outlook message (.msg)',
  text: 'plain text',
  image: 'a photo or scan (an image file)',
};

const list = (words: string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/** Offices that take some kinds of file only (many take PDF only): each document of the case must be one of them. */
export const checkAcceptedFormats: Rule = ({ documents, profile }) => {
  const accepted = profile.rules.acceptedFormats;
  if (!accepted) return [];
  const takes = list(accepted.map((k) => KIND_WORDS[k]));
  return documents
    .filter((d) => !accepted.includes(d.kind))
    .map((d) => {
      const which = documents.length === 1 ? 'the letter' : nameOfDocument({ index: d.index, fileName: d.fileName });
      return {
        code: 'FORMAT_NOT_ACCEPTED' as const,
        severity: 'error' as const,
        element: null,
        message: `This office takes documents only as ${takes}; ${which} is ${KIND_WORDS[d.kind]}. Save it as ${KIND_WORDS[accepted[0]]} (print it to PDF, for example) and send it again.`,
      };
    });
};
