import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from '../config/api-config';

/** Nest's own start-up messages: every module loaded and every route mapped (some 80 lines). */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** The Nest levels that SWITCHBOARD_LOG_LEVEL lets through (Nest's `log` is our `info`, `verbose` our `trace`). */
export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  const order: Array<[LogLevel, NestLogLevel]> = [
    ['fatal', 'fatal'],
    ['error', 'error'],
    ['warn', 'warn'],
    ['info', 'log'],
    ['debug', 'debug'],
    ['trace', 'verbose'],
  ];
  const upTo = order.findIndex(([name]) => name === level);
  return upTo < 0 ? [] : order.slice(0, upTo + 1).map(([, nest]) => nest);
}

/**
 * Nest's JSON logger with its start-up chatter moved to debug, so a newcomer's `npm start` shows
 * the banner instead of the framework's module and route listing (`SWITCHBOARD_LOG_LEVEL=debug` shows it).
 */
export class ApiLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) super.debug(message, ...rest);
    else super.log(message, ...rest);
  }
}
