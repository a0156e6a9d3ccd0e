import { randomUUID } from 'node:crypto';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Settings } from '../config/settings.js';

/**
 * pino JSON logs that never carry a letter: requests are logged by method and path only
 * (query strings can hold a student's name), bodies and multipart fields are never logged,
 * and the paths that could hold letter content are redacted should a handler log them anyway.
 */
export function loggerOptions(settings: Pick<Settings, 'LOG_LEVEL'>): FastifyServerOptions['logger'] {
  return {
    level: settings.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.query',
        'req.body',
        'body',
        'report',
        'elements',
        'evidence',
        'text',
        'fields',
        'student_name',
        'studentName',
        // The same names one level down (a handler logging { check: { text } }), and what else quotes a letter.
        '*.body',
        '*.text',
        '*.evidence',
        '*.quote',
        '*.fields',
        '*.student_name',
        '*.studentName',
        'filename',
        '*.filename',
        'pages',
        'envelope',
        'email',
        // Node's parser errors carry the bytes received so far, which may be the start of a letter.
        'err.rawPacket',
        'rawPacket',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: FastifyRequest) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        contentType: req.headers['content-type']?.split(';')[0],
        contentLength: req.headers['content-length'],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId' | 'requestIdHeader'> = {
  // false: fastify would otherwise take the header as it is; genReqId vets it instead.
  requestIdHeader: false,
  // A client's id is kept when it looks like an id; anything else is replaced, so logs cannot be forged.
  genReqId: (req) => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
  },
};
