import type { Actor, Role } from '@switchboard/ticketing';

/** What a guard sees: the machine's context and the command as an event (who asks, and when). */
export type Guard<Ctx, Ev> = (args: { context: Ctx; event: Ev }) => boolean;

/** A command as a lifecycle machine sees it. */
export type MachineEvent<C> = C & { readonly actor: Actor; readonly now: number };

/** A who-may entry; `department: 'D'` stands for the record's department, `id: 'A'` for the one person the record names (a contact's operator). */
export interface WhoMay {
  readonly role: Role;
  readonly department?: 'D';
  readonly id?: 'A';
}

/** A permission rule: its check, and who it admits (what a refusal tells the caller). */
export interface PermissionRule<G> {
  readonly check: G;
  readonly whoMay: readonly WhoMay[];
}

/** A business rule: it names the command field it judges, or is a lifecycle rule (`field: undefined`). */
export interface BusinessRule<G> {
  readonly check: G;
  readonly field: string | undefined;
  readonly message: string;
}

/** Whether the actor has one of the roles. */
export const hasRole = (actor: Actor, ...roles: Role[]): boolean => roles.includes(actor.role);

/** Whether the actor is a department head of the department (never when the department is unknown). */
export const headOf = (actor: Actor, department: string | undefined): boolean =>
  actor.role === 'department_head' && department !== undefined && actor.department === department;
