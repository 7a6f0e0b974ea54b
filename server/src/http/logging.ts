import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

/** Mobile numbers (13900001234) and landlines with an area code (021-59790000). */
const phonePattern = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)|(?<!\d)(0\d{2,3})-?\d{3,4}(\d{4})(?!\d)/g;

/** The same number with its middle hidden, as lists show it: 139****1234. */
export function maskPhonesInText(text: string): string {
  return text.replace(phonePattern, (_match, mobileHead?: string, mobileTail?: string, areaCode?: string, landTail?: string) =>
    mobileHead ? `${mobileHead}****${mobileTail}` : `${areaCode}-****${landTail}`,
  );
}

/** Header and field paths whose values never reach the log. */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-voter-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.password_hash',
  '*.token',
  '*.csrfToken',
  '*.phone',
];

/**
 * Pino options for the server: JSON lines with the request id (Fastify's `reqId`), secrets
 * redacted by path, and phone numbers masked wherever they appear in a URL or a message
 * (a search box or a filter puts them in query strings).
 */
export function loggerOptions(level: string, stream?: Writable): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string; hostname?: string; ip?: string; id?: string }) => ({
        method: request.method,
        url: maskPhonesInText(request.url),
        host: request.hostname,
        remoteAddress: request.ip,
      }),
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) => {
          if (typeof arg === 'string') return maskPhonesInText(arg);
          if (arg instanceof Error) {
            arg.message = maskPhonesInText(arg.message);
            return arg;
          }
          if (arg && typeof arg === 'object') {
            const err = (arg as { err?: unknown }).err;
            if (err instanceof Error) err.message = maskPhonesInText(err.message);
          }
          return arg;
        });
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
    ...(stream ? { stream } : {}),
  } as FastifyServerOptions['logger'];
}
