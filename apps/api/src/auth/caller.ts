import type { Actor } from '@switchboard/ticketing';

/** Who a token stands for: the actor recorded in events, and the name shown to people (never recorded). */
export interface Caller {
  readonly actor: Actor;
  /** The users file's `name` or the JWT's `name` claim; the actor's id when there is none. */
  readonly name: string;
}
