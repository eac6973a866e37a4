import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { type ArticleFormValues } from '../../lib/article-form';

type Field = keyof ArticleFormValues;

/** The form's fields, by group: each language's version, then what call takers and the review cycle need. */
const GROUPS: readonly {
  legend: string;
  fields: readonly { name: Field; label: string; kind?: 'textarea' | 'date' | 'number'; hint?: string; required?: boolean }[];
}[] = [
  {
    legend: 'English',
    fields: [
      { name: 'enTitle', label: 'Title (the question as residents ask it)', required: true },
      { name: 'enAnswer', label: 'Answer', kind: 'textarea', required: true, hint: 'Plain text; links as addresses, list items on lines starting with "- ".' },
    ],
  },
  {
    legend: 'Spanish (optional)',
    fields: [
      { name: 'esTitle', label: 'Title in Spanish' },
      { name: 'esAnswer', label: 'Answer in Spanish', kind: 'textarea' },
    ],
  },
  {
    legend: 'For call takers and search',
    fields: [
      { name: 'callTakerNote', label: 'Call-taker note (never shown to residents)', kind: 'textarea' },
      { name: 'keywords', label: 'Keywords', hint: 'Separated by commas.' },
      { name: 'synonyms', label: 'Synonyms (other words residents use)', hint: 'Separated by commas.' },
    ],
  },
  {
    legend: 'Season and review',
    fields: [
      { name: 'seasonFrom', label: 'In season from', kind: 'date' },
      { name: 'seasonUntil', label: 'In season until', kind: 'date' },
      { name: 'reviewEveryDays', label: 'Review every (days)', kind: 'number', required: true },
    ],
  },
];

/**
 * An article's content fields, filled with `initial`; `extra` holds the fields of the command
 * itself (a note, a reason, the id and owner of a new article). The API judges every field and
 * names the one it refuses.
 */
export function ArticleForm({
  initial,
  submitLabel,
  sending,
  onSubmit,
  onCancel,
  extra,
  children,
}: {
  initial: ArticleFormValues;
  submitLabel: string;
  sending: boolean;
  onSubmit: (values: ArticleFormValues) => void;
  onCancel?: () => void;
  /** Fields shown before the content (e.g. the new article's id and owner). */
  extra?: ReactNode;
  /** Shown after the content, before the buttons (a note, a reason, a problem). */
  children?: ReactNode;
}) {
  const [values, setValues] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form className="article-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {extra}
      {GROUPS.map((group) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          {group.fields.map((field) => {
            const fieldId = `${id}-${field.name}`;
            const common = {
              id: fieldId,
              name: field.name,
              value: values[field.name],
              required: field.required,
              'aria-describedby': field.hint ? `${fieldId}-hint` : undefined,
              onChange: (e: { target: { value: string } }) => setValues((current) => ({ ...current, [field.name]: e.target.value })),
            };
            return (
              <div className="field" key={field.name}>
                <label htmlFor={fieldId}>
                  {field.label}
                  {field.required && <span aria-hidden="true"> *</span>}
                </label>
                {field.kind === 'textarea' ? (
                  <textarea rows={4} {...common} />
                ) : (
                  <input
                    type={field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text'}
                    min={field.kind === 'number' ? 1 : undefined}
                    {...common}
                  />
                )}
                {field.hint && (
                  <p className="hint" id={`${fieldId}-hint`}>
                    {field.hint}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {children}
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={sending}>
          {sending ? 'Sending…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
