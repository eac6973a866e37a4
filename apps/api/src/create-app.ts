import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyMultipart from '@fastify/multipart';
import { AppModule } from './app.module';
import { ApiLogger, nestLogLevels } from './observability/api-logger';
import { consoleIsBuilt, serveConsole } from './console/serve-console';
import type { Clock } from './clock/clock';
import type { ApiConfig } from './config/api-config';
import { setUpApiDocs } from './docs/api-docs';
import { answerError, type ErrorFormat, ProblemFilter } from './errors/problem.filter';
import { setSecurityHeaders } from './http/security-headers';
import { useStrictBodyParsers } from './input/body-parsers';
import { BoundedValidationPipe } from './input/bounded-validation.pipe';
import { RequestInputInterceptor } from './input/request-input.interceptor';
import { sendOpen311Error } from './open311/errors/open311-error.filter';
import { SwitchboardMetrics } from './observability/switchboard-metrics';

const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * Route parameters the router accepts before the RequestInputInterceptor judges them: long enough
 * that an over-long ticket id is a 400 naming the parameter rather than the router's bare 414.
 */
const ROUTER_MAX_PARAM_LENGTH = 1024;

/** Builds the API (not yet listening): Fastify, input bounds, validation, errors, correlation ids, security headers, docs and shutdown hooks. */
export async function createApp(config: ApiConfig, clock?: Clock): Promise<NestFastifyApplication> {
  // Errors of the Open311 routes are answered in Open311's format, also those raised before a route runs.
  const errorFormats: ErrorFormat[] = [{ prefix: `${config.open311.basePath}/`, send: sendOpen311Error }];
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Request logs are pino JSON lines labelled with the request's correlation id.
    logger: { level: config.logLevel },
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    genReqId: (request: IncomingMessage) => {
      const given = request.headers[CORRELATION_HEADER];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: ROUTER_MAX_PARAM_LENGTH },
    // The router refuses a malformed URL (a bad percent-escape) before any hook runs: answered here
    // like every other error, with the correlation id and the security headers.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      setSecurityHeaders(request, reply);
      void reply.header(CORRELATION_HEADER, request.id);
      answerError(request, reply, error, errorFormats);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    logger: config.logLevel === 'silent' ? false : new ApiLogger({ json: true, logLevels: nestLogLevels(config.logLevel) }),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    setSecurityHeaders(request, reply);
    void reply.header(CORRELATION_HEADER, request.id);
  });
  const metrics = app.get(SwitchboardMetrics);
  fastify.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: one series per endpoint, not one per ticket id.
    metrics.httpFinished(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  // Untrusted input is bounded before anything interprets it: the parsers read bodies strictly
  // (UTF-8, valid JSON or percent-encoding), the interceptor bounds their shape and checks path and
  // query parameters, then the (bounded) validation pipe checks the DTOs.
  useStrictBodyParsers(app);
  // Multipart bodies (photo uploads, Open311 media) are read part by part by the routes that declare
  // MultipartBody, with the photo size limit; every other route refuses them (RequestInputInterceptor).
  await app.register(fastifyMultipart as never, { limits: { fileSize: config.attachments.policy.maxBytes + 1 } });
  app.useGlobalInterceptors(new RequestInputInterceptor());
  app.useGlobalPipes(new BoundedValidationPipe());
  app.useGlobalFilters(new ProblemFilter(errorFormats));
  app.enableShutdownHooks();
  if (config.docs) setUpApiDocs(app);
  serveConsole(fastify, config.consoleDir);
  if (!consoleIsBuilt(config.consoleDir)) {
    fastify.log.warn({ consoleDir: config.consoleDir }, 'The web console is not built: /console/ answers 503 until `npm run build:web` writes it.');
  }
  return app;
}
