/** The ticket commands a person can give from the console: route and the fields each asks for. Pure. */
import type { CommandBody, CommandRoute } from './api-types';

export interface FieldSpec<Name extends string = string> {
  /** A member of the command's body, as the API's document declares it. */
  readonly name: Name;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'select' | 'department';
  readonly required: boolean;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly hint?: string;
  /** Shown only when this other field has this value. */
  readonly when?: { readonly field: string; readonly value: string };
}

interface CommandSpecOf<R extends CommandRoute> {
  readonly type: string;
  /** Path after /tickets/:id/: a command route of the API's document. */
  readonly route: R;
  /** Button text. */
  readonly label: string;
  readonly fields: readonly FieldSpec<keyof CommandBody<R> & string>[];
  /** The dialog also takes a photo, attached just before the command (e.g. the finished work when completing). */
  readonly withPhoto?: boolean;
}

/** A command the console can send: its route and fields are checked against the API's document (a body member it does not declare fails to compile). */
export type CommandSpec = { [R in CommandRoute]: CommandSpecOf<R> }[CommandRoute];

const choices = (...values: string[]) => values.map((value) => ({ value, label: value.replace(/_/g, ' ') }));

const NOTE: FieldSpec<'note'> = { name: 'note', label: 'Note', kind: 'textarea', required: false };

const SPECS = [
  { type: 'StartWork', route: 'start', label: 'Start work', fields: [] },
  {
    type: 'PutTicketOnHold',
    route: 'hold',
    label: 'Put on hold',
    fields: [{ name: 'reason', label: 'Why is it on hold?', kind: 'textarea', required: true, hint: 'e.g. waiting for the resident, parts on order' }],
  },
  { type: 'ResumeTicket', route: 'resume', label: 'Resume', fields: [] },
  {
    type: 'CompleteTicket',
    route: 'complete',
    label: 'Complete',
    withPhoto: true,
    fields: [
      { name: 'resolutionCode', label: 'Resolution', kind: 'text', required: true, hint: 'e.g. repaired, answered, referred' },
      { name: 'note', label: 'What was done', kind: 'textarea', required: true },
    ],
  },
  {
    type: 'AssignTicket',
    route: 'assign',
    label: 'Assign',
    fields: [
      { name: 'department', label: 'Department', kind: 'department', required: true },
      { name: 'assignee', label: 'Assignee (user id, optional)', kind: 'text', required: false },
      NOTE,
    ],
  },
  {
    type: 'EscalateTicket',
    route: 'escalate',
    label: 'Escalate',
    fields: [
      { name: 'reason', label: 'Reason', kind: 'select', required: true, options: choices('cannot_answer', 'complex', 'overdue', 'resident_request', 'other') },
      { name: 'department', label: 'Department whose experts must answer (from intake)', kind: 'department', required: false },
      NOTE,
    ],
  },
  {
    type: 'ChangePriority',
    route: 'priority',
    label: 'Change priority',
    fields: [
      { name: 'priority', label: 'Priority', kind: 'select', required: true, options: choices('low', 'normal', 'high', 'urgent') },
      { name: 'reason', label: 'Reason', kind: 'textarea', required: false },
    ],
  },
  {
    type: 'CommentOnTicket',
    route: 'comments',
    label: 'Comment',
    fields: [
      { name: 'body', label: 'Comment', kind: 'textarea', required: true },
      {
        name: 'visibility',
        label: 'Visible to',
        kind: 'select',
        required: true,
        options: [
          { value: 'internal', label: 'city staff only' },
          { value: 'public', label: 'the resident too' },
        ],
      },
    ],
  },
  { type: 'ReopenTicket', route: 'reopen', label: 'Reopen', fields: [{ name: 'reason', label: 'Why reopen?', kind: 'textarea', required: true }] },
  {
    type: 'CloseTicket',
    route: 'close',
    withPhoto: true,
    label: 'Close without completing',
    fields: [
      { name: 'reason', label: 'Reason', kind: 'select', required: true, options: choices('duplicate', 'withdrawn', 'invalid', 'not_city_responsibility') },
      { name: 'parentTicketId', label: 'The ticket it duplicates', kind: 'text', required: false, when: { field: 'reason', value: 'duplicate' } },
      NOTE,
    ],
  },
  {
    type: 'RecordAnotherReport',
    route: 'reports',
    label: 'Record another report',
    fields: [
      {
        name: 'channel',
        label: 'Reported by',
        kind: 'select',
        required: true,
        options: choices('phone', 'walk_in', 'email', 'web', 'mobile_app', 'department_line'),
      },
      { name: 'raisedByContact', label: '311 contact it was reported at (optional)', kind: 'text', required: false },
      { name: 'note', label: 'What the resident said', kind: 'textarea', required: false },
    ],
  },
] as const satisfies readonly CommandSpec[];

export const COMMANDS: readonly CommandSpec[] = SPECS;

/** The members a body requires (those the document does not mark optional). */
type RequiredMembers<B> = { [K in keyof B]-?: string extends K ? never : object extends Pick<B, K> ? never : K }[keyof B];
/** The members a command's body requires that its form does not ask for. */
type Unasked<S> = S extends { readonly route: infer R extends CommandRoute; readonly fields: readonly (infer F)[] }
  ? Exclude<RequiredMembers<CommandBody<R>>, F extends { readonly name: infer N } ? N : never>
  : never;
/** Compiles only while every command's form asks for each member the API's document says its body requires (else: the type of the member it misses). */
export const EVERY_REQUIRED_MEMBER_ASKED: [Unasked<(typeof SPECS)[number]>] extends [never] ? true : Unasked<(typeof SPECS)[number]> = true;

export const commandSpec = (type: string): CommandSpec | undefined => COMMANDS.find((spec) => spec.type === type);

/** The request body from a form's values: empty optional fields are left out (the API rejects empty strings). */
export function commandBody(spec: CommandSpec, values: Record<string, string>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of spec.fields) {
    if (field.when && values[field.when.field] !== field.when.value) continue;
    const value = (values[field.name] ?? '').trim();
    if (value !== '') body[field.name] = value;
  }
  return body;
}

/** The first required field left empty, to say so before sending. */
export function missingField(spec: CommandSpec, values: Record<string, string>): FieldSpec | undefined {
  return spec.fields.find(
    (field) => field.required && (!field.when || values[field.when.field] === field.when.value) && (values[field.name] ?? '').trim() === '',
  );
}
