import { PassThrough } from 'node:stream';
import { UnavailableError, type EventStoreDBClient, type Position, type SubscribeToAllOptions } from '@eventstore/db-client';
import type { RecordedEvent } from '../port/event-store';
import { deferred } from '../testing/helpers';
import { subscribeWithReconnect } from './resubscribing-subscription';

/** A stand-in for the client's subscription stream: an object-mode stream the test feeds by hand. */
function fakeSubscription() {
  return Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: async () => undefined });
}

function resolved(commit: bigint, type = 'Happened') {
  return {
    event: {
      streamId: `s-${commit}`,
      id: `00000000-0000-4000-8000-${commit.toString().padStart(12, '0')}`,
      isJson: true,
      revision: 0n,
      type,
      created: new Date(0),
      data: { commit: Number(commit) },
      metadata: {},
      position: { commit, prepare: commit },
    },
  };
}

describe('EventStoreDB subscription reconnect (against a stand-in client)', () => {
  it('signals caught-up in order, and resubscribes after a dropped connection from the last handled position', async () => {
    const streams = [fakeSubscription(), fakeSubscription()];
    const starts: (Position | string | undefined)[] = [];
    const client = {
      subscribeToAll: (options: SubscribeToAllOptions) => {
        starts.push(options.fromPosition);
        return streams[starts.length - 1];
      },
    } as unknown as EventStoreDBClient;
    const log: string[] = [];
    const done = deferred();
    const subscription = subscribeWithReconnect(
      client,
      {
        onEvent: async (event: RecordedEvent) => {
          log.push(`${event.type}@${Number(event.globalPosition.split('/')[0])}`);
          if (log.length === 6) done.resolve();
        },
        onCaughtUp: () => log.push('caughtUp'),
      },
      { initialDelayMs: 1, maxDelayMs: 1 },
    );

    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    await nextTurn();
    streams[0].write(resolved(1n));
    streams[0].write(resolved(2n, '$metadata'));
    streams[0].write(resolved(3n));
    streams[0].emit('caughtUp');
    streams[0].write(resolved(4n));
    await nextTurn();
    streams[0].destroy(new UnavailableError(undefined, 'connection dropped'));
    while (starts.length < 2) await nextTurn();
    streams[1].write(resolved(5n));
    streams[1].emit('caughtUp');
    streams[1].write(resolved(6n));
    await done.promise;
    await subscription.close();

    expect(log).toEqual(['Happened@1', 'Happened@3', 'caughtUp', 'Happened@4', 'Happened@5', 'Happened@6']);
    expect(starts).toEqual(['start', { commit: 4n, prepare: 4n }]);
    await expect(subscription.stopped).resolves.toBeUndefined();
  });
});
