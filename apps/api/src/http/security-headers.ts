import type { FastifyReply, FastifyRequest } from 'fastify';

/** The API answers JSON (and Open311 XML): nothing in it may run, load, or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The OpenAPI UI at /docs: Swagger UI's own scripts, styles (it sets some inline), data: images, and
 * requests to this API only; never framed.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const DOCS_PATH = /^\/docs(?:[/?#-]|$)/;

/** The security headers of a response to `url` (the console sets its own policy over these). */
export function securityHeadersFor(url: string): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'content-security-policy': DOCS_PATH.test(url) ? DOCS_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/**
 * Sets the security headers on the Node response, where every answer picks them up: routes, errors,
 * 404s and streams written to the raw response (the queue feed). Headers a route sets itself
 * (`reply.header`, e.g. the console's policy) take precedence.
 */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of Object.entries(securityHeadersFor(request.url ?? '/'))) reply.raw.setHeader(name, value);
}
