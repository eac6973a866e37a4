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

/** The body could not be read at all (not UTF-8, not JSON, empty); `problems` name the body. */
export class UnreadableBody extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`The request body could not be read: ${problems.map((p) => p.message).join('; ')}.`);
  }
}

/** The body's media type or charset is not one the route reads. */
export class UnsupportedMediaType extends Error {
  constructor(
    readonly contentType: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The ticket does not exist (queries; commands learn it from the domain). */
export class TicketNotFound extends Error {
  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} does not exist.`);
  }
}

/** The ticket has no photo with this id, or none whose bytes are stored here (a link an Open311 client hosts). */
export class PhotoNotFound extends Error {
  constructor(
    readonly photoId: string,
    message: string,
  ) {
    super(message);
  }
}

/** No article of the knowledge base has this id (or it was never published, for the public API). */
export class ArticleNotFound extends Error {
  constructor(readonly articleId: string) {
    super(`Article ${articleId} does not exist.`);
  }
}

/** No contact has this id (a ticket named it as the contact that raised it). */
export class ContactNotFound extends Error {
  constructor(readonly contactId: string) {
    super(`Contact ${contactId} does not exist; start it first (POST /contacts/${contactId}/start).`);
  }
}

/** The department code is not in the service catalog. */
export class DepartmentNotFound extends Error {
  constructor(readonly department: string) {
    super(`Department ${department} does not exist; see the service catalog for department codes.`);
  }
}

/** No webhook subscription has this id. */
export class WebhookSubscriptionNotFound extends Error {
  constructor(readonly subscriptionId: string) {
    super(`Webhook subscription ${subscriptionId} does not exist.`);
  }
}

/** A replay to a disabled webhook subscription would only be given up: it is refused. */
export class WebhookSubscriptionDisabled extends Error {
  constructor(readonly subscriptionId: string) {
    super(`Webhook subscription ${subscriptionId} is disabled: enable it (PATCH {"enabled": true}) before replaying to it.`);
  }
}

/** Who may ask a query, as the 403 answer lists it. */
export interface QueryPermission {
  readonly role: string;
  readonly department?: string;
}

/** The caller may not ask this query; `rule` names the policy, `whoMay` who could. */
export class QueryForbidden extends Error {
  constructor(
    readonly rule: string,
    readonly whoMay: readonly QueryPermission[],
    message: string,
  ) {
    super(message);
  }
}

/** A department's queue has no ticket the caller could claim right now. */
export class NothingToClaim extends Error {
  constructor(readonly department: string) {
    super(`The ${department} queue has no unclaimed ticket to start right now; try again when the queue changes.`);
  }
}
