import type { ChainedEvent, JsonObject, RecordedEvent } from '@switchboard/event-store';

/**
 * One event of a backup file (one JSON object per line). `position` and `recordedAt` are the source
 * store's, kept for reference; `hash` and `streamHash` are its chain (docs/audit.md), which
 * `audit verify --file` checks (an import chains the events anew in the store it writes to).
 */
export interface BackupLine {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly position: string;
  readonly recordedAt: string;
  readonly hash?: string;
  readonly streamHash?: string;
}

/** The backup line of a stored event. */
export function toBackupLine(event: RecordedEvent | ChainedEvent): string {
  const chain = 'chain' in event && event.chain ? event.chain : undefined;
  const line: BackupLine = {
    stream: event.streamName,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    position: event.globalPosition,
    recordedAt: event.recordedAt.toISOString(),
    ...(chain && { hash: chain.hash, streamHash: chain.streamHash }),
  };
  return `${JSON.stringify(line)}\n`;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and checks one line of a backup file; throws an Error saying what is wrong with it. */
export function parseBackupLine(text: string): BackupLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`, { cause: error });
  }
  if (!isObject(value)) throw new Error('not a JSON object');
  const problems = [
    typeof value.stream === 'string' && value.stream !== '' ? '' : '"stream" must be a non-empty string',
    Number.isSafeInteger(value.revision) && (value.revision as number) >= 0 ? '' : '"revision" must be a whole number ≥ 0',
    typeof value.id === 'string' && value.id !== '' ? '' : '"id" must be a non-empty string',
    typeof value.type === 'string' && value.type !== '' ? '' : '"type" must be a non-empty string',
    isObject(value.data) ? '' : '"data" must be an object',
    isObject(value.metadata) ? '' : '"metadata" must be an object',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return value as unknown as BackupLine;
}
