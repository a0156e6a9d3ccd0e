import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidateOptions } from '../../report/index.js';
import { FileMissingError, InvalidRequestError } from '../../report/errors.js';

interface Upload {
  bytes: Buffer;
  declaredType: string | null;
  fields: Record<string, string>;
}

/**
 * Reads every part so that text fields are honoured whatever their order relative to the
 * file (req.file() alone drops fields sent after it), and so that a second file is refused.
 */
async function readMultipart(request: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; declaredType: string | null } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer().catch(() => undefined);
        throw new InvalidRequestError(file ? 'Send one letter per request (see /v1/batches for several).' : `The letter goes in the field "file", not "${part.fieldname}".`);
      }
      file = { bytes: await part.toBuffer(), declaredType: part.mimetype ?? null };
    } else if (typeof part.value === 'string' && part.value.trim() !== '') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file || file.bytes.length === 0) throw new FileMissingError('Attach the letter as the multipart field "file".');
  return { ...file, fields };
}

function readRawBody(request: FastifyRequest): Upload {
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new FileMissingError('Send the letter as the request body, or as the multipart field "file".');
  }
  const query = Object.fromEntries(Object.entries(request.query as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
  return { bytes: body, declaredType: request.headers['content-type'] ?? null, fields: query };
}

function parseOptions(fields: Record<string, string>): ValidateOptions {
  const parsed = ValidateOptions.safeParse(fields);
  if (!parsed.success) throw new InvalidRequestError(z.prettifyError(parsed.error).replace(/\n/g, ' '));
  return parsed.data;
}

const validateRoutes: FastifyPluginAsync = async (app) => {
  app.post('/v1/validate', async (request) => {
    const upload = request.isMultipart() ? await readMultipart(request) : readRawBody(request);
    const options = parseOptions(upload.fields);
    const report = await app.checker.check(upload.bytes, {
      declaredType: upload.declaredType,
      profile: options.profile,
      program: options.program,
      studentName: options.student_name,
      employer: options.employer,
      startDate: options.start_date,
      endDate: options.end_date,
      graduationDate: options.graduation_date,
    });
    request.log.info({ verdict: report.verdict, mediaType: report.document.mediaType, pages: report.document.pages }, 'letter checked');
    return report;
  });
};
export default validateRoutes;
