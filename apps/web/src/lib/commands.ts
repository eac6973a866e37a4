/** The ticket commands a person can give from the console: route and the fields each asks for. Pure. */

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'select' | 'department';
  readonly required: boolean;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly hint?: string;
  /** Shown only when this other field has this value. */
  readonly when?: { readonly field: string; readonly value: string };
}

export interface CommandSpec {
  readonly type: string;
  /** Path after /tickets/:id/. */
  readonly route: string;
  /** Button text. */
  readonly label: string;
  readonly fields: readonly FieldSpec[];
}

const choices = (...values: string[]) => values.map((value) => ({ value, label: value.replace(/_/g, ' ') }));

const NOTE: FieldSpec = { name: 'note', label: 'Note', kind: 'textarea', required: false };

export const COMMANDS: readonly CommandSpec[] = [
  { type: 'StartWork', route: 'start', label: 'Start work', fields: [] },
  { type: 'PutTicketOnHold', route: 'hold', label: 'Put on hold', fields: [{ name: 'reason', label: 'Why is it on hold?', kind: 'textarea', required: true, hint: 'e.g. waiting for the resident, parts on order' }] },
  { type: 'ResumeTicket', route: 'resume', label: 'Resume', fields: [] },
  {
    type: 'CompleteTicket', route: 'complete', label: 'Complete',
    fields: [
      { name: 'resolutionCode', label: 'Resolution', kind: 'text', required: true, hint: 'e.g. repaired, answered, referred' },
      { name: 'note', label: 'What was done', kind: 'textarea', required: true },
    ],
  },
  {
    type: 'AssignTicket', route: 'assign', label: 'Assign',
    fields: [
      { name: 'department', label: 'Department', kind: 'department', required: true },
      { name: 'assignee', label: 'Assignee (user id, optional)', kind: 'text', required: false },
      NOTE,
    ],
  },
  {
    type: 'EscalateTicket', route: 'escalate', label: 'Escalate',
    fields: [
      { name: 'reason', label: 'Reason', kind: 'select', required: true, options: choices('cannot_answer', 'complex', 'overdue', 'resident_request', 'other') },
      { name: 'department', label: 'Department whose experts must answer (from intake)', kind: 'department', required: false },
      NOTE,
    ],
  },
  {
    type: 'ChangePriority', route: 'priority', label: 'Change priority',
    fields: [
      { name: 'priority', label: 'Priority', kind: 'select', required: true, options: choices('low', 'normal', 'high', 'urgent') },
      { name: 'reason', label: 'Reason', kind: 'textarea', required: false },
    ],
  },
  {
    type: 'CommentOnTicket', route: 'comments', label: 'Comment',
    fields: [
      { name: 'body', label: 'Comment', kind: 'textarea', required: true },
      { name: 'visibility', label: 'Visible to', kind: 'select', required: true, options: [{ value: 'internal', label: 'city staff only' }, { value: 'public', label: 'the resident too' }] },
    ],
  },
  { type: 'ReopenTicket', route: 'reopen', label: 'Reopen', fields: [{ name: 'reason', label: 'Why reopen?', kind: 'textarea', required: true }] },
  {
    type: 'CloseTicket', route: 'close', label: 'Close without completing',
    fields: [
      { name: 'reason', label: 'Reason', kind: 'select', required: true, options: choices('duplicate', 'withdrawn', 'invalid', 'not_city_responsibility') },
      { name: 'parentTicketId', label: 'The ticket it duplicates', kind: 'text', required: false, when: { field: 'reason', value: 'duplicate' } },
      NOTE,
    ],
  },
];

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
  return spec.fields.find((field) => field.required && (!field.when || values[field.when.field] === field.when.value) && (values[field.name] ?? '').trim() === '');
}
