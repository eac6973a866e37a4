import { InvalidArgumentError } from '../port/errors';
import { parseEventStoreUrl } from './event-store-url';

describe('parseEventStoreUrl', () => {
  it.each([
    ['memory:', { adapter: 'memory' }],
    ['sqlite:./data/switchboard.db', { adapter: 'sqlite', path: './data/switchboard.db' }],
    ['sqlite:/var/lib/switchboard/events.db', { adapter: 'sqlite', path: '/var/lib/switchboard/events.db' }],
    [' esdb://localhost:2113?tls=false ', { adapter: 'esdb', connectionString: 'esdb://localhost:2113?tls=false' }],
    ['esdb+discover://cluster.local:2113', { adapter: 'esdb', connectionString: 'esdb+discover://cluster.local:2113' }],
    ['postgres://switchboard@db:5432/switchboard', { adapter: 'postgres', connectionString: 'postgres://switchboard@db:5432/switchboard' }],
    ['postgresql://u:p@db/events?schema=log', { adapter: 'postgres', connectionString: 'postgresql://u:p@db/events?schema=log' }],
  ])('%s', (url, expected) => {
    expect(parseEventStoreUrl(url)).toEqual(expected);
  });

  it.each(['', 'sqlite:', 'postgres://', 'mysql://localhost/db', 'esdb://', './data/switchboard.db'])('rejects %j, naming the accepted forms', (url) => {
    expect(() => parseEventStoreUrl(url)).toThrow(InvalidArgumentError);
    expect(() => parseEventStoreUrl(url)).toThrow(/sqlite:\.\/data\/switchboard\.db/);
  });
});
