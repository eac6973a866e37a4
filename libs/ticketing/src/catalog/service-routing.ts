import type { ConfigReader } from '../calendar';

/**
 * What happens to a service's ticket when it is opened: `on_open` assigns it to the service's
 * owning department in the same command (its SLA clock starts at once); `triage` leaves it in
 * intake, in 311's intake queue, for an operator to route, escalate or resolve.
 */
export const SERVICE_ROUTINGS = ['on_open', 'triage'] as const;

export type ServiceRouting = (typeof SERVICE_ROUTINGS)[number];

/**
 * A service whose catalog entry names no routing is triaged: that was every ticket's way before
 * the policy existed, so a catalog written then keeps its behaviour, and routing a kind of
 * request straight to a department is a choice the city makes service by service.
 */
export const DEFAULT_SERVICE_ROUTING: ServiceRouting = 'triage';

/** Reports a service's routing at `path` when it is given and not one of SERVICE_ROUTINGS. */
export function checkServiceRouting(reader: ConfigReader, value: unknown, path: string): void {
  if (value !== undefined) reader.oneOf(value, path, SERVICE_ROUTINGS);
}
