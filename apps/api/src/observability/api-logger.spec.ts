import { ApiLogger, nestLogLevels } from './api-logger';

describe('the API logger', () => {
  it('lets through the levels up to SWITCHBOARD_LOG_LEVEL', () => {
    expect(nestLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(nestLogLevels('trace')).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
    expect(nestLogLevels('silent')).toEqual([]);
  });

  it('puts the framework’s start-up messages at debug, and everything else where it was', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const atInfo = new ApiLogger({ json: true, logLevels: nestLogLevels('info') });
      atInfo.log('Mapped {/tickets, POST} route', 'RouterExplorer');
      atInfo.log('AppModule dependencies initialized', 'InstanceLoader');
      atInfo.log('SLA action breach on ticket K7M-4QX2', 'SlaWatcher');
      const atDebug = new ApiLogger({ json: true, logLevels: nestLogLevels('debug') });
      atDebug.log('Mapped {/tickets, POST} route', 'RouterExplorer');
    } finally {
      spy.mockRestore();
    }
    const lines = written.map((line) => JSON.parse(line) as { level: string; context: string });
    expect(lines.map((line) => [line.level, line.context])).toEqual([
      ['log', 'SlaWatcher'],
      ['debug', 'RouterExplorer'],
    ]);
  });
});
