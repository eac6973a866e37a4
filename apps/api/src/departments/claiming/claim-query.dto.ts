import { ReadPositionQuery } from '../../read-your-writes/read-position.query';

/** POST /departments/:id/queue/claim?position=…: `position` lets a claim see a ticket just routed to the queue. */
export class ClaimQueryDto extends ReadPositionQuery {}
