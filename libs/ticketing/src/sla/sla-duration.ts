/** The units an SLA can be expressed in; both count business time only. */
export const SLA_UNITS = ['business_hours', 'business_days'] as const;

export type SlaUnit = (typeof SLA_UNITS)[number];

/** How long a department has to complete a service request, in business time. */
export type Sla = { amount: number; unit: SlaUnit };
