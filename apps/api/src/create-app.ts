import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ConsoleLogger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { consoleIsBuilt, serveConsole } from './console/serve-console';
import type { Clock } from './clock/clock';
import type { ApiConfig } from './config/api-config';
import { setUpApiDocs } from './docs/api-docs';
import { ProblemFilter } from './errors/problem.filter';
import { invalidRequestFrom } from './errors/validation-problems';
import { SwitchboardMetrics } from './observability/switchboard-metrics';

const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** Builds the API (not yet listening): Fastify, validation, errors, correlation ids, docs and shutdown hooks. */
export async function createApp(config: ApiConfig, clock?: Clock): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Request logs are pino JSON lines labelled with the request's correlation id.
    logger: { level: config.logLevel },
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    genReqId: (request: IncomingMessage) => {
      const given = request.headers[CORRELATION_HEADER];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    logger: config.logLevel === 'silent' ? false : new ConsoleLogger({ json: true }),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(CORRELATION_HEADER, request.id);
  });
  const metrics = app.get(SwitchboardMetrics);
  fastify.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: one series per endpoint, not one per ticket id.
    metrics.httpFinished(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: invalidRequestFrom }),
  );
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  if (config.docs) setUpApiDocs(app);
  serveConsole(fastify, config.consoleDir);
  if (!consoleIsBuilt(config.consoleDir)) {
    fastify.log.warn({ consoleDir: config.consoleDir }, 'The web console is not built: /console/ answers 503 until `npm run build:web` writes it.');
  }
  return app;
}
