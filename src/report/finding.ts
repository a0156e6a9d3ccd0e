import { z } from 'zod';
import { ElementName } from './elementNames.js';
import { FindingCode } from './findingCodes.js';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z
  .object({
    code: FindingCode,
    severity: Severity,
    element: ElementName.nullable(),
    message: z.string().meta({ description: 'Plain-language explanation, readable by a student.' }),
    expected: z.string().nullable().optional().meta({ description: 'For a cross-check: what the caller told us.' }),
    found: z.string().nullable().optional().meta({ description: 'For a cross-check: what the letter says.' }),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof Finding>;
