import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiProblem, newRequestKey } from '../lib/api-client';
import { PHOTO_ACCEPT, uploadPhoto } from '../lib/photo-upload';
import type { CommandAnswer, Problem } from '../lib/api-types';
import { commandBody, type CommandSpec, type FieldSpec, missingField } from '../lib/commands';
import { useSession } from '../session';
import { ProblemNotice } from './problem-notice';

/**
 * The form for one command on one ticket, in a modal <dialog> (focus moves in, Escape closes, and
 * focus returns to the button that opened it). Sent with If-Match at the revision the person saw;
 * the answer or the refusal is shown, never lost. When someone else changed the ticket meanwhile,
 * the dialog stays open with what was typed, says so, and asks the page to load the fresh ticket
 * (whose revision the next attempt then uses).
 */
export function CommandDialog({
  spec,
  ticketId,
  revision,
  onDone,
  onStale,
  onClose,
}: {
  spec: CommandSpec;
  ticketId: string;
  revision: number;
  onDone: (answer: CommandAnswer) => void;
  onStale: () => void;
  onClose: () => void;
}) {
  const { api, catalog } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(spec.fields.map((f) => [f.name, f.options?.[0]?.value ?? ''])));
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const [photo, setPhoto] = useState<File>();
  // One key per dialog: sending again after a refused command attaches the photo once.
  const photoKey = useRef(newRequestKey());
  const titleId = useId();
  // Where focus was when the dialog opened: it goes back there when the dialog closes.
  const opener = useRef(document.activeElement instanceof HTMLElement ? document.activeElement : null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    const returnTo = opener.current;
    return () => {
      element?.close();
      // The opener may be gone (its row left the queue): then the page's main content takes focus.
      const target = returnTo?.isConnected && !(returnTo as HTMLButtonElement).disabled ? returnTo : document.getElementById('main');
      target?.focus();
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingField(spec, values);
    if (missing) {
      setProblem({ statusCode: 400, error: 'InvalidRequest', message: '', problems: [{ field: missing.label, message: 'is required' }] });
      return;
    }
    setSending(true);
    try {
      // The photo first (it may be attached only while the ticket is open), then the command at the revision it left.
      const attached =
        spec.withPhoto && photo
          ? await uploadPhoto(api, ticketId, { file: photo, visibility: 'internal' }, { revision, idempotencyKey: photoKey.current })
          : undefined;
      const answer = await api.post(`/tickets/{id}/${spec.route}`, { path: { id: ticketId } }, commandBody(spec, values), {
        revision: attached?.revision ?? revision,
      });
      onDone(answer);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
      if (error.problem.error === 'RevisionMismatch') onStale();
    } finally {
      setSending(false);
    }
  };

  const field = (spec: FieldSpec) => {
    if (spec.when && values[spec.when.field] !== spec.when.value) return null;
    const id = `${titleId}-${spec.name}`;
    const set = (value: string) => setValues((current) => ({ ...current, [spec.name]: value }));
    const common = { id, name: spec.name, required: spec.required, value: values[spec.name] ?? '', 'aria-describedby': spec.hint ? `${id}-hint` : undefined };
    return (
      <div className="field" key={spec.name}>
        <label htmlFor={id}>
          {spec.label}
          {spec.required && <span aria-hidden="true"> *</span>}
        </label>
        {spec.kind === 'textarea' && <textarea rows={3} {...common} onChange={(e) => set(e.target.value)} />}
        {spec.kind === 'text' && <input type="text" {...common} onChange={(e) => set(e.target.value)} />}
        {spec.kind === 'select' && (
          <select {...common} onChange={(e) => set(e.target.value)}>
            {spec.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
        {spec.kind === 'department' && (
          <select {...common} onChange={(e) => set(e.target.value)}>
            <option value="">{spec.required ? 'Choose a department' : 'None'}</option>
            {catalog.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
        {spec.hint && (
          <p className="hint" id={`${id}-hint`}>
            {spec.hint}
          </p>
        )}
      </div>
    );
  };

  return (
    <dialog ref={dialog} aria-labelledby={titleId} onCancel={onClose} className="command-dialog">
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>
          {spec.label}: {ticketId}
        </h2>
        {spec.fields.map(field)}
        {spec.withPhoto && (
          <div className="field">
            <label htmlFor={`${titleId}-photo`}>Photo (optional)</label>
            <input
              id={`${titleId}-photo`}
              type="file"
              accept={PHOTO_ACCEPT}
              onChange={(e) => setPhoto(e.target.files?.[0])}
              aria-describedby={`${titleId}-photo-hint`}
            />
            <p className="hint" id={`${titleId}-photo-hint`}>
              Attached to the ticket for city staff, e.g. the finished work.
            </p>
          </div>
        )}
        <ProblemNotice problem={problem} action={`${spec.label.toLowerCase()} ${ticketId}`} />
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>
            {sending ? 'Sending…' : spec.label}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
