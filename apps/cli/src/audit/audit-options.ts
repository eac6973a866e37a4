import type { OptionSpec } from '../command';
import { AUDIT_FORMATS } from './render-audit';

/** `--format`, shared by the audit commands. */
export const FORMAT_OPTION: OptionSpec = { type: 'string', value: '<format>', description: `output: ${AUDIT_FORMATS.join(' or ')} (default table)` };

/** `--from`/`--to`, shared by the cross-ticket audits. */
export const WINDOW_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  from: { type: 'string', value: '<time>', description: "only events at or after this time (a date means its start, in the city's time zone)" },
  to: { type: 'string', value: '<time>', description: 'only events before this time (a date means the end of that day)' },
};
