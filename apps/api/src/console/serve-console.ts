import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheControlOf, CONSOLE_NOT_BUILT_PAGE, CONSOLE_PATH, CONSOLE_SECURITY_HEADERS, consoleTarget, contentTypeOf } from './console-files';

/** Whether the console directory holds a build (its index.html). */
export function consoleIsBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * Serves the built web console from `dir` at /console/ without credentials (the page signs in
 * with a token and calls the API itself): its files, index.html for client-side routes, and `GET /`
 * sends browsers there. The directory is looked at on every request, so a console built while
 * the API runs is served at once.
 */
export function serveConsole(fastify: FastifyInstance, dir: string): void {
  const methods: ('GET' | 'HEAD')[] = ['GET', 'HEAD'];
  fastify.route({
    method: methods,
    url: '/',
    // Even before the console is built: /console/ then says how to build it.
    handler: async (_request, reply) => reply.redirect(`${CONSOLE_PATH}/`, 302),
  });
  fastify.route({
    method: methods,
    url: CONSOLE_PATH,
    handler: async (_request, reply) => reply.headers(CONSOLE_SECURITY_HEADERS).redirect(`${CONSOLE_PATH}/`, 301),
  });
  fastify.route({ method: methods, url: `${CONSOLE_PATH}/*`, handler: (request, reply) => consoleFile(dir, request, reply) });
}

async function consoleFile(dir: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  void reply.headers(CONSOLE_SECURITY_HEADERS);
  // The raw URL, still encoded: the target is decoded (once) and checked in one place.
  const rawPath = (request.raw.url ?? '').split('?')[0].slice(`${CONSOLE_PATH}/`.length);
  const target = consoleTarget(dir, rawPath);
  if (target.kind === 'refused') return plain(reply, 400, 'Bad request: not a path inside the console.');
  if (await isFile(target.file)) return sendFile(reply, target.file, target.relative);
  if (target.kind === 'file') return plain(reply, 404, 'Not found.');
  // A client-side route (or /console/ itself): the single page decides what to show.
  const index = join(dir, 'index.html');
  if (!(await isFile(index))) {
    return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(CONSOLE_NOT_BUILT_PAGE);
  }
  return sendFile(reply, index, 'index.html');
}

async function sendFile(reply: FastifyReply, file: string, relative: string): Promise<FastifyReply> {
  const body = await readFile(file);
  return reply.code(200).header('cache-control', cacheControlOf(relative)).type(contentTypeOf(file)).send(body);
}

function plain(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(text);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
