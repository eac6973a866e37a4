/** One invalid field of a request. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The request body or query failed validation; carries every invalid field. */
export class InvalidRequest extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`The request has ${problems.length} invalid field(s): ${problems.map((p) => p.field).join(', ')}.`);
  }
}

/** The ticket does not exist (queries; commands learn it from the domain). */
export class TicketNotFound extends Error {
  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} does not exist.`);
  }
}
