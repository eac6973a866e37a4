import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem, newRequestKey } from '../../lib/api-client';
import type { CommandAnswer, Problem } from '../../lib/api-types';
import {
  askedQuestions,
  emptyDraft,
  type FieldProblem,
  LANGUAGE_CHOICES,
  missingBeforeSending,
  PRIORITY_CHOICES,
  problemsByField,
  residentOf,
  ticketBody,
  type TicketDraft,
  UPDATE_CHOICES,
} from '../../lib/desk-ticket-form';
import type { ServiceDefinition, ServiceQuestion } from '../../lib/desk-types';
import { PHOTO_ACCEPT, uploadPhoto } from '../../lib/photo-upload';
import { useSession } from '../../session';
import { DuplicateList } from './desk-duplicates';
import { Shortcut } from './shortcuts';
import type { DeskContact, DeskContactState } from './use-desk-contact';

/** The element id of a field the API names (`attributes.SIZE` → `desk-attributes-SIZE`). */
export const fieldId = (field: string) => `desk-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface TicketOutcome {
  readonly ticketId: string;
  /** The existing ticket this report was linked to, instead of opening one. */
  readonly sameAs?: boolean;
  readonly callbackDueBy?: string;
  /** Why the photo taken with the report was not attached (the ticket is open all the same). */
  readonly photoProblem?: string;
}

/**
 * Opening a ticket at the contact: the service's own questions (its Open311 service definition,
 * required ones marked), location, the resident (optional or anonymous), language and updates,
 * priority. A required answer left empty is named before anything is sent; the API's 400 is shown
 * next to the fields it names. With `callbackTo`, the ticket is the callback a transfer that
 * reached nobody leaves: it goes to that department's queue and the contact promises the callback
 * by the ticket's due time.
 */
export function DeskTicketForm({
  contact,
  desk,
  initialService,
  callbackTo,
  initialDescription,
  onDone,
}: {
  contact: DeskContact;
  desk: DeskContactState;
  initialService: string;
  callbackTo?: string;
  initialDescription?: string;
  onDone: (outcome: TicketOutcome) => void;
}) {
  const session = useSession();
  const { api, catalog } = session;
  const id = useId();
  const [draft, setDraft] = useState<TicketDraft>(() => ({ ...emptyDraft(initialService, contact.resident), description: initialDescription ?? '' }));
  const [definition, setDefinition] = useState<{ code: string; questions: readonly ServiceQuestion[] }>();
  const [loadProblem, setLoadProblem] = useState<Problem>();
  const [missing, setMissing] = useState<readonly FieldProblem[]>([]);
  const [refusal, setRefusal] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const [photo, setPhoto] = useState<File>();
  const inFlight = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  const questions = definition?.code === draft.serviceCode ? definition.questions : undefined;

  useEffect(() => {
    const controller = new AbortController();
    // The document describes the definition as text (JSON or XML by format); `.json` answers Open311's JSON.
    api.get('/open311/v2/services/{code}.{format}', { path: { code: draft.serviceCode, format: 'json' }, query: {} }, controller.signal).then(
      (answer) => setDefinition({ code: draft.serviceCode, questions: askedQuestions((answer as unknown as ServiceDefinition).attributes) }),
      (error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setLoadProblem(error.problem);
      },
    );
    return () => controller.abort();
  }, [api, draft.serviceCode]);

  // The form opens at its first field.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, []);

  const set = <K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const answer = (code: string, value: string | readonly string[]) => setDraft((d) => ({ ...d, answers: { ...d.answers, [code]: value } }));

  const byField = new Map([...problemsByField(refusal)]);
  for (const m of missing) byField.set(m.field, m.message);

  const focusField = (field: string) => document.getElementById(fieldId(field))?.focus();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!questions || inFlight.current) return;
    const before = [...missingBeforeSending(draft, questions)];
    if (callbackTo && !residentOf(draft)?.phone && !residentOf(draft)?.email)
      before.push({ field: 'contact.phone', message: 'A callback needs the resident’s phone number or e-mail address.' });
    setMissing(before);
    if (before.length > 0) {
      setRefusal(undefined);
      focusField(before[0].field);
      return;
    }
    inFlight.current = true;
    setSending(true);
    try {
      const opened = (await api.post('/tickets', {}, ticketBody(draft, questions, contact.channel, contact.id), {
        idempotencyKey: newRequestKey(),
      })) as CommandAnswer;
      setRefusal(undefined);
      await afterOpening(opened, photo ? await attachPhoto(opened.ticketId, photo) : undefined);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setRefusal(error.problem);
      const first = error.problem.problems?.[0]?.field;
      if (first && document.getElementById(fieldId(first))) focusField(first);
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  /**
   * The ticket is open (with the resident's language and wish for updates in its contact data):
   * link it on the contact, and for a callback make
   * sure it is in the department's queue and promise the call. A service the catalog routes on open
   * is already assigned to its department by the open (the only services offered for a callback
   * are the department's own and 311's, so that department is the one called back for); a service
   * that needs triage opened into intake, and the desk assigns it.
   */
  const afterOpening = async (opened: CommandAnswer, photoProblem: string | undefined) => {
    const { ticketId } = opened;
    const noted = photoProblem ? { photoProblem } : {};
    await desk.record('ticket', { ticketId, relation: 'opened' });
    const resident = residentOf(draft);
    if (resident) desk.noteResident(resident);
    if (!callbackTo) return onDone({ ticketId, ...noted });
    if (opened.status === 'intake')
      await api.post(
        '/tickets/{id}/assign',
        { path: { id: ticketId } },
        { department: callbackTo, note: 'Callback: the transfer reached nobody' },
        { idempotencyKey: newRequestKey() },
      );
    const ticket = await api.get('/tickets/{id}', { path: { id: ticketId } });
    if (resident) await desk.record('identify', { resident });
    const promised = await desk.record('callback', { department: callbackTo, ...(ticket.dueAt ? { dueBy: ticket.dueAt } : {}), note: `Ticket ${ticketId}` });
    if (promised) onDone({ ticketId, callbackDueBy: ticket.dueAt ?? undefined, ...noted });
  };

  /** The photo taken with the report, attached to the ticket just opened (for city staff); why not, when the API refused it. */
  const attachPhoto = async (ticketId: string, file: File): Promise<string | undefined> => {
    try {
      await uploadPhoto(api, ticketId, { file, visibility: 'internal' }, { idempotencyKey: newRequestKey() });
      return undefined;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      return error.problem.message;
    }
  };

  const services = catalog.departments
    .filter((d) => callbackTo === undefined || d.id === callbackTo || d.id === '311')
    .flatMap((d) => d.services.map((s) => ({ ...s, department: d.name })));
  const errorOf = (field: string) => byField.get(field);
  const described = (field: string) => (errorOf(field) ? `${fieldId(field)}-error` : undefined);
  const fieldError = (field: string) =>
    errorOf(field) ? (
      <p id={`${fieldId(field)}-error`} className="field-error">
        {errorOf(field)}
      </p>
    ) : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="desk-panel" data-testid="desk-ticket">
      <h2 id={`${id}-heading`}>{callbackTo ? `Callback ticket for ${session.departmentName(callbackTo)}` : 'Open a ticket'}</h2>
      <form ref={form} onSubmit={submit} noValidate aria-describedby={`${id}-required`}>
        <p id={`${id}-required`} className="hint">
          Fields marked * are required.
        </p>
        {missing.length > 0 && (
          <div className="notice notice-error" role="alert" data-testid="missing">
            <p>Before sending, answer: {missing.map((m) => labelOf(m.field, questions ?? [])).join('; ')}.</p>
          </div>
        )}
        <ProblemNotice problem={refusal} action="open the ticket" />
        <div className="field">
          <label htmlFor={fieldId('serviceCode')}>Service *</label>
          <select
            id={fieldId('serviceCode')}
            value={draft.serviceCode}
            onChange={(e) => set('serviceCode', e.target.value)}
            aria-describedby={described('serviceCode')}
          >
            {services.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name} ({s.department})
              </option>
            ))}
          </select>
          {fieldError('serviceCode')}
        </div>
        <ProblemNotice problem={loadProblem} action="read the service’s questions" />
        {questions === undefined && !loadProblem && <p aria-busy="true">Loading the service’s questions…</p>}
        {questions && questions.length > 0 && (
          <fieldset className="desk-questions">
            <legend>{session.serviceName(draft.serviceCode)}: the service’s questions</legend>
            {questions.map((q) => (
              <Question
                key={q.code}
                question={q}
                value={draft.answers[q.code]}
                onChange={(v) => answer(q.code, v)}
                error={fieldError(`attributes.${q.code}`)}
              />
            ))}
          </fieldset>
        )}
        <Field field="description" label="What is the problem? *" error={fieldError('description')}>
          <textarea
            id={fieldId('description')}
            rows={2}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
            aria-required="true"
            aria-invalid={errorOf('description') ? true : undefined}
            aria-describedby={described('description')}
          />
        </Field>
        <fieldset>
          <legend>Location</legend>
          <Field field="location.address" label="Address" error={fieldError('location.address')}>
            <input
              id={fieldId('location.address')}
              value={draft.address}
              onChange={(e) => set('address', e.target.value)}
              autoComplete="off"
              aria-describedby={described('location.address')}
            />
          </Field>
          <div className="inline">
            <Field field="location.latitude" label="Latitude (when known)" error={fieldError('location.latitude')}>
              <input
                id={fieldId('location.latitude')}
                inputMode="decimal"
                value={draft.latitude}
                onChange={(e) => set('latitude', e.target.value)}
                aria-describedby={described('location.latitude')}
              />
            </Field>
            <Field field="location.longitude" label="Longitude" error={fieldError('location.longitude')}>
              <input
                id={fieldId('location.longitude')}
                inputMode="decimal"
                value={draft.longitude}
                onChange={(e) => set('longitude', e.target.value)}
                aria-describedby={described('location.longitude')}
              />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>The resident</legend>
          <label className="inline">
            <input type="checkbox" checked={draft.anonymous} onChange={(e) => set('anonymous', e.target.checked)} disabled={callbackTo !== undefined} />{' '}
            Anonymous (no contact details kept)
          </label>
          {!draft.anonymous && (
            <div className="inline">
              {(['name', 'phone', 'email'] as const).map((key) => (
                <Field
                  key={key}
                  field={`contact.${key}`}
                  label={key === 'name' ? 'Name' : key === 'phone' ? 'Phone' : 'E-mail'}
                  error={fieldError(`contact.${key}`)}
                >
                  <input
                    id={fieldId(`contact.${key}`)}
                    type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
                    value={draft.resident[key]}
                    onChange={(e) => set('resident', { ...draft.resident, [key]: e.target.value })}
                    aria-describedby={described(`contact.${key}`)}
                  />
                </Field>
              ))}
            </div>
          )}
          {!draft.anonymous && (
            <div className="inline">
              <Field field="contact.language" label="Language" error={fieldError('contact.language')}>
                <select
                  id={fieldId('contact.language')}
                  value={draft.language}
                  onChange={(e) => set('language', e.target.value)}
                  aria-describedby={described('contact.language')}
                >
                  {LANGUAGE_CHOICES.map((l) => (
                    <option key={l.value} value={l.value}>
                      {l.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field field="contact.updates" label="Updates" error={fieldError('contact.updates')}>
                <select
                  id={fieldId('contact.updates')}
                  value={draft.updates}
                  onChange={(e) => set('updates', e.target.value as TicketDraft['updates'])}
                  aria-describedby={described('contact.updates')}
                >
                  {UPDATE_CHOICES.map((u) => (
                    <option key={u.value} value={u.value}>
                      {u.label}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          )}
          <div className="inline">
            <Field field="priority" label="Priority" error={fieldError('priority')}>
              <select id={fieldId('priority')} value={draft.priority} onChange={(e) => set('priority', e.target.value as TicketDraft['priority'])}>
                <option value="">The service’s default</option>
                {PRIORITY_CHOICES.map((p) => (
                  <option key={p} value={p}>
                    {p[0].toUpperCase() + p.slice(1)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={fieldId('photo')}>Photo (optional)</label>
          <input
            id={fieldId('photo')}
            type="file"
            accept={PHOTO_ACCEPT}
            onChange={(e) => setPhoto(e.target.files?.[0])}
            aria-describedby={`${fieldId('photo')}-hint`}
          />
          <p className="hint" id={`${fieldId('photo')}-hint`}>
            A photo the resident sent, attached to the ticket for city staff.
          </p>
        </div>
        {!callbackTo && <DuplicateList draft={draft} contact={contact} desk={desk} onLinked={(ticketId) => onDone({ ticketId, sameAs: true })} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending || !questions}>
            {callbackTo ? 'Open the callback ticket' : 'Open the ticket'} <Shortcut keys="Enter" />
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the operator reads for a field the API names. */
function labelOf(field: string, questions: readonly ServiceQuestion[]): string {
  const question = questions.find((q) => `attributes.${q.code}` === field);
  if (question) return question.description;
  const words: Record<string, string> = {
    description: 'what the problem is',
    'location.latitude': 'latitude',
    'location.longitude': 'longitude',
    'contact.phone': 'the resident’s phone',
    'contact.email': 'the resident’s e-mail',
    'contact.language': 'the resident’s language',
    'contact.updates': 'updates',
  };
  return words[field] ?? field;
}

function Field({ field, label, error, children }: { field: string; label: string; error?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      {children}
      {error}
    </div>
  );
}

function Question({
  question,
  value,
  onChange,
  error,
}: {
  question: ServiceQuestion;
  value: string | readonly string[] | undefined;
  onChange: (value: string | readonly string[]) => void;
  error: ReactNode;
}) {
  const field = `attributes.${question.code}`;
  const label = `${question.description}${question.required ? ' *' : ''}`;
  const common = {
    id: fieldId(field),
    'aria-required': question.required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${fieldId(field)}-error` : undefined,
    'data-question': question.code,
  };
  if (question.datatype === 'multivaluelist') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field" id={fieldId(field)} tabIndex={-1} aria-describedby={common['aria-describedby']} data-question={question.code}>
        <legend>{label}</legend>
        {(question.values ?? []).map((v) => (
          <label key={v.key} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(v.key)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, v.key] : chosen.filter((k) => k !== v.key))}
            />{' '}
            {v.name}
          </label>
        ))}
        {error}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  let control: ReactNode;
  if (question.datatype === 'singlevaluelist')
    control = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {(question.values ?? []).map((v) => (
          <option key={v.key} value={v.key}>
            {v.name}
          </option>
        ))}
      </select>
    );
  else if (question.datatype === 'text') control = <textarea {...common} rows={2} value={text} onChange={(e) => onChange(e.target.value)} />;
  else
    control = (
      <input
        {...common}
        inputMode={question.datatype === 'number' ? 'decimal' : undefined}
        placeholder={question.datatype === 'datetime' ? 'e.g. 2026-11-02T09:00' : undefined}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      {control}
      {question.datatype_description && <p className="hint">{question.datatype_description}</p>}
      {error}
    </div>
  );
}
