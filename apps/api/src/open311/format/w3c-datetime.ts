const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant as Intl writes it: "GMT-05:00", or "GMT" / "GMT+00:00" at UTC. */
function offsetName(timeZone: string, instant: Date): string {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) offsetFormatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  return formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
}

/** An instant as the spec's W3C date-time in the city's local time with its offset, e.g. 2026-11-02T09:00:00-05:00. */
export function w3cDateTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const offset = offsetName(timeZone, instant).slice(3) || '+00:00';
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(offset) ?? ['', '+', '00', '00'];
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMs).toISOString().slice(0, 19);
  return `${wall}${offsetMs === 0 ? 'Z' : offset}`;
}

/** Parses a W3C date-time with a time zone (the spec requires one); undefined when the text is not one. */
export function parseW3cDateTime(text: string): Date | undefined {
  if (!W3C_DATETIME.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
