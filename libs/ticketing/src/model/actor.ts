/** The roles of DESIGN.md's permission table. */
export const ROLES = ['operator', 'staff', 'department_head', 'director', 'resident', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who issued a command: recorded in every event's metadata. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** The department a staff member or department head belongs to. */
  readonly department?: string;
}
