import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

/** A short form for the words one action takes (a note, a reason); focus moves to its field when it opens. */
export function WordsForm({
  title,
  fieldLabel,
  required,
  submitLabel,
  sending,
  onSubmit,
  onCancel,
}: {
  title: string;
  fieldLabel: string;
  required: boolean;
  submitLabel: string;
  sending: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(text.trim());
  };
  return (
    <form className="words-form" onSubmit={submit} noValidate aria-label={title}>
      <div className="field">
        <label htmlFor={id}>
          {fieldLabel}
          {required && <span aria-hidden="true"> *</span>}
        </label>
        <textarea id={id} ref={field} rows={3} required={required} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={sending}>
          {sending ? 'Sending…' : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
