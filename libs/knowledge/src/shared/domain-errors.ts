import type { Role } from '@switchboard/ticketing';

// The four refusals of the ticket domain, in the same shapes, so the API maps an article's or a
// contact's refusal to HTTP exactly as it maps a ticket's (the `kind` decides the status code).

/** The command is not possible in the record's current state (or a lifecycle rule forbids it now). */
export interface IllegalTransition<C extends string = string, S extends string = string> {
  readonly kind: 'IllegalTransition';
  readonly state: S;
  readonly command: C;
  /** Commands the lifecycle accepts in this state. */
  readonly allowed: readonly C[];
  /** The named rule that refused it, when the state accepts the command in general. */
  readonly rule?: string;
  readonly message: string;
}

/** The actor may not do this to this record. */
export interface Forbidden<C extends string = string> {
  readonly kind: 'Forbidden';
  readonly command: C;
  readonly rule: string;
  /** Who may: roles, scoped to the record's department or to one person where the rule says so. */
  readonly whoMay: readonly { readonly role: Role; readonly department?: string; readonly id?: string }[];
  readonly message: string;
}

/** A field of the command is missing or wrong. */
export interface InvalidCommand<C extends string = string> {
  readonly kind: 'InvalidCommand';
  /** `unknown` when the command's type itself is not one of ours. */
  readonly command: C | 'unknown';
  readonly field: string;
  readonly message: string;
}

/** The command refers to something that does not exist (the record itself, a department, a service type). */
export interface NotFound<C extends string = string> {
  readonly kind: 'NotFound';
  readonly command: C;
  readonly what: 'article' | 'contact' | 'department' | 'service' | 'proposal' | 'callback' | 'roster' | 'availability';
  readonly id: string;
  readonly message: string;
}

export type KnowledgeDomainError<C extends string = string, S extends string = string> =
  IllegalTransition<C, S> | Forbidden<C> | InvalidCommand<C> | NotFound<C>;

/** An InvalidCommand whose message starts with the field it names. */
export const invalidField = <C extends string>(command: C | 'unknown', field: string, message: string): InvalidCommand<C> => ({
  kind: 'InvalidCommand',
  command,
  field,
  message: `${field}: ${message}`,
});

/** A NotFound naming what is missing. */
export const notFound = <C extends string>(command: C, what: NotFound['what'], id: string): NotFound<C> => ({
  kind: 'NotFound',
  command,
  what,
  id,
  message: `unknown ${what} "${id}"`,
});
