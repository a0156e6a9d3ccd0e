import { z } from 'zod';

export const ElementStatus = z.enum(['present', 'missing', 'invalid', 'uncertain']).meta({
  description:
    'present: found and usable; missing: not in the letter; invalid: found but unacceptable (e.g. a PO Box as work site); uncertain: found but resting on text we could not read reliably (e.g. low OCR confidence).',
});
export type ElementStatus = z.infer<typeof ElementStatus>;

export const Box = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().min(0).max(1),
    height: z.number().min(0).max(1),
  })
  .meta({ id: 'Box', description: 'A rectangle on the page in fractions of its width and height, origin top left.' });
export type Box = z.infer<typeof Box>;

export const DocumentRef = z
  .object({
    index: z.number().int().min(0).meta({ description: "The document's place in the report's `documents` list: 0 is the letter, 1.. the documents sent after it." }),
    fileName: z.string().nullable().meta({ description: 'The file name the client gave; null for a raw body or a part without a name.' }),
  })
  .meta({ id: 'DocumentRef', description: 'Which document of the case a quote comes from.' });
export type DocumentRef = z.infer<typeof DocumentRef>;

export const Evidence = z
  .object({
    document: DocumentRef,
    page: z.number().int().min(1).meta({ description: '1-based page number within its document (for email: 1 = body, 2.. = attachment pages).' }),
    quote: z.string().meta({
      description: "Exact text from the letter that supports the value, its line breaks and table cells' separations written as single spaces.",
    }),
    box: Box.nullable().default(null).meta({
      description:
        "Where the quote is on the page; null where the source has no page geometry (Word, email, plain text). For a PDF's text layer, on the page as the PDF draws it; for a page read by OCR (a photo, a scan), on the page as it was read: turned upright and straightened, which may differ from the picture as uploaded.",
    }),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof Evidence>;

/** Builds the schema of one element from the schema of its normalized value. */
export function elementOf<V extends z.ZodType>(value: V, id: string) {
  return z
    .object({
      status: ElementStatus,
      required: z.boolean().meta({ description: 'Whether the chosen profile requires this element.' }),
      value: value.nullable(),
      evidence: z.array(Evidence),
      confidence: z.number().min(0).max(1),
      fix: z.string().nullable().meta({ description: 'Plain-language request to the employer when the element is not present; null otherwise.' }),
      trace: z.array(z.string()).meta({ description: 'How the element was decided: which cue matched, what was rejected and why.' }),
    })
    .meta({ id });
}
