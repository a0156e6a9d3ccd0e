import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CheckOptions } from '../checker.js';
import { ValidateOptions } from '../report/index.js';
import { FileMissingError, InvalidRequestError } from '../report/errors.js';

export interface UploadedFile {
  bytes: Buffer;
  declaredType: string | null;
  filename: string | null;
}

export interface Upload {
  files: UploadedFile[];
  fields: Record<string, string>;
}

/**
 * Reads every part, so that text fields count whatever their order relative to the files
 * (req.file() alone drops fields sent after the file) and extra files are refused, not ignored.
 * Letters go in parts named "file"; everything stays in memory.
 */
export async function readMultipartUpload(request: FastifyRequest, maxFiles: number): Promise<Upload> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for await (const part of request.parts({ limits: { files: maxFiles + 1 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || files.length >= maxFiles) {
        await part.toBuffer().catch(() => undefined);
        throw new InvalidRequestError(
          part.fieldname !== 'file'
            ? `Letters go in the field "file", not "${part.fieldname}".`
            : maxFiles === 1
              ? 'Send one letter per request; POST /v1/batches takes several.'
              : `A batch takes at most ${maxFiles} letters.`,
        );
      }
      const bytes = await part.toBuffer();
      if (bytes.length > 0) files.push({ bytes, declaredType: part.mimetype ?? null, filename: part.filename || null });
    } else if (typeof part.value === 'string' && part.value.trim() !== '') {
      fields[part.fieldname] = part.value;
    }
  }
  if (files.length === 0) throw new FileMissingError('Attach the letter as the multipart field "file".');
  return { files, fields };
}

/** A raw body: the document itself, with the options in the query string. */
export function readRawUpload(request: FastifyRequest): Upload {
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new FileMissingError('Send the letter as the request body, or as the multipart field "file".');
  }
  const fields = Object.fromEntries(
    Object.entries(request.query as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v !== ''),
  ) as Record<string, string>;
  return { files: [{ bytes: body, declaredType: request.headers['content-type'] ?? null, filename: null }], fields };
}

/** The request's options, checked against the contract's schema, in the checker's terms. */
export function checkOptionsFrom(fields: Record<string, string>): CheckOptions {
  const parsed = ValidateOptions.safeParse(fields);
  if (!parsed.success) throw new InvalidRequestError(z.prettifyError(parsed.error).replace(/\n/g, ' '));
  const o = parsed.data;
  return {
    profile: o.profile,
    program: o.program,
    studentName: o.student_name,
    employer: o.employer,
    startDate: o.start_date,
    endDate: o.end_date,
    graduationDate: o.graduation_date,
  };
}
