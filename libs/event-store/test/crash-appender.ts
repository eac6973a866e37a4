// Child process for the crash-safety tests: appends forever from several concurrent appenders to
// the store a URL names (sqlite:… or postgres://…) and prints one line per acknowledged append,
// until it is killed.
import { createEventStore } from '../src/config/create-event-store';
import { crashEventId } from './crash-event-id';

const [url, appenders] = [process.argv[2], Number(process.argv[3])];
const store = createEventStore(url);

async function appendForever(stream: number): Promise<void> {
  for (let revision = 0; ; revision++) {
    const expected = revision === 0 ? 'no_stream' : revision - 1;
    const result = await store.append(`crash-${stream}`, expected, [
      { id: crashEventId(stream, revision), type: 'Appended', data: { stream, revision, filler: 'x'.repeat(100) } },
    ]);
    // The next append waits until the ack has reached the pipe: a write Node still holds in its own
    // buffer (the parent reads slowly on a loaded machine) would die with the process unreported.
    await new Promise((written) => process.stdout.write(`ack ${stream} ${revision} ${result.position}\n`, written));
  }
}

for (let stream = 0; stream < appenders; stream++) void appendForever(stream);
