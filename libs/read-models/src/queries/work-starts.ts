import type { Kysely } from 'kysely';
import type { Actor } from '@switchboard/ticketing';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';

/** A ticket's WorkStarted recorded under one command id, and who recorded it. */
export interface WorkStart {
  readonly ticketId: string;
  readonly commandId: string;
  /** The event's stream revision and global position: what the command answered. */
  readonly revision: number;
  readonly position: string;
  readonly actor: Pick<Actor, 'id' | 'role'>;
}

/** Which ticket and which command id to look for. */
export interface WorkStartKey {
  readonly ticketId: string;
  readonly commandId: string;
}

const KEY_CHUNK = 200;

/** The WorkStarted events recorded under the given keys (ticket and command id), in the order of `keys`; keys without one are left out. */
export async function workStartsUnder(db: Kysely<ReadDb>, tables: GenerationTables, keys: readonly WorkStartKey[]): Promise<WorkStart[]> {
  const found = new Map<string, WorkStart>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const chunk = keys.slice(i, i + KEY_CHUNK);
    const rows = await db
      .selectFrom(tables.workStarts)
      .selectAll()
      .where((eb) => eb.or(chunk.map((key) => eb.and([eb('ticket_id', '=', key.ticketId), eb('command_id', '=', key.commandId)]))))
      .execute();
    for (const row of rows) {
      found.set(keyOf(row.ticket_id, row.command_id), {
        ticketId: row.ticket_id,
        commandId: row.command_id,
        revision: Number(row.revision),
        position: row.position,
        actor: { id: row.actor_id, role: row.actor_role as Actor['role'] },
      });
    }
  }
  return keys.flatMap((key) => found.get(keyOf(key.ticketId, key.commandId)) ?? []);
}

const keyOf = (ticketId: string, commandId: string): string => `${ticketId}\n${commandId}`;
