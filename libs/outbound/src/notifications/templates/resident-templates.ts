import type { CloseReason, ResidentNotice } from '@switchboard/ticketing';

// What a resident reads: one notice per event they asked for, in their language (English and
// Spanish; any other language falls back to English), by e-mail (subject, text and HTML) or by text
// message (short). Every notice ends with the link that stops the ticket's updates.

/** The facts a notice tells, as its delivery carries them: nothing personal (the address is looked up when it is sent). */
export interface ResidentNoticeFacts {
  readonly ticketId: string;
  readonly serviceName: string;
  /** routed (or received, when the catalog routed it on open): the department's name and the SLA due instant. */
  readonly departmentName?: string;
  readonly expectedBy?: string;
  /** completed: the resolution code and note. */
  readonly resolutionCode?: string;
  readonly resolutionNote?: string;
  /** closed: why, and the ticket it duplicates. */
  readonly closeReason?: CloseReason;
  readonly parentTicketId?: string;
  /** commented: the public comment. */
  readonly comment?: string;
}

export interface ResidentMessage {
  readonly language: TemplateLanguage;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sms: string;
}

export const TEMPLATE_LANGUAGES = ['en', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** The template language for a resident's language code (`es-MX` → `es`); English when we have none in it. */
export function templateLanguageOf(language: string | undefined): TemplateLanguage {
  const base = (language ?? '').toLowerCase().split('-')[0];
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(base) ? (base as TemplateLanguage) : 'en';
}

interface Words {
  readonly locale: string;
  readonly request: (id: string) => string;
  readonly subject: Record<ResidentNotice, string>;
  readonly received: (f: ResidentNoticeFacts) => string;
  readonly routedTo: (department: string) => string;
  readonly expected: (date: string) => string;
  readonly completed: string;
  readonly resolution: string;
  readonly closed: Record<CloseReason, string>;
  readonly duplicateOf: (id: string) => string;
  readonly commented: string;
  readonly stop: string;
  readonly stopShort: string;
  readonly noReply: string;
}

const WORDS: Record<TemplateLanguage, Words> = {
  en: {
    locale: 'en-US',
    request: (id) => `your request ${id}`,
    subject: { received: 'received', routed: 'sent to a department', completed: 'completed', closed: 'closed', commented: 'a new comment' },
    received: (f) => `We received your request about "${f.serviceName}". Its number is ${f.ticketId}.`,
    routedTo: (department) => `It is with ${department}.`,
    expected: (date) => `We expect it to be done by ${date}.`,
    completed: 'Your request was completed.',
    resolution: 'What was done',
    closed: {
      duplicate: 'Your request was closed: the same problem was already reported.',
      withdrawn: 'Your request was closed: it was withdrawn.',
      invalid: 'Your request was closed: we could not act on it as reported.',
      not_city_responsibility: 'Your request was closed: this is not something the city is responsible for.',
    },
    duplicateOf: (id) => `You can follow request ${id}.`,
    commented: 'There is a new comment on your request',
    stop: 'To stop updates about this request, open',
    stopShort: 'Stop updates',
    noReply: 'This message was sent automatically; please call 311 to reach us.',
  },
  es: {
    locale: 'es-US',
    request: (id) => `su solicitud ${id}`,
    subject: { received: 'recibida', routed: 'enviada a un departamento', completed: 'completada', closed: 'cerrada', commented: 'un comentario nuevo' },
    received: (f) => `Recibimos su solicitud sobre «${f.serviceName}». Su número es ${f.ticketId}.`,
    routedTo: (department) => `La atiende ${department}.`,
    expected: (date) => `Esperamos resolverla antes del ${date}.`,
    completed: 'Su solicitud fue completada.',
    resolution: 'Lo que se hizo',
    closed: {
      duplicate: 'Su solicitud fue cerrada: el mismo problema ya había sido reportado.',
      withdrawn: 'Su solicitud fue cerrada: fue retirada.',
      invalid: 'Su solicitud fue cerrada: no pudimos atenderla tal como fue reportada.',
      not_city_responsibility: 'Su solicitud fue cerrada: no es algo de lo que la ciudad sea responsable.',
    },
    duplicateOf: (id) => `Puede seguir la solicitud ${id}.`,
    commented: 'Hay un comentario nuevo sobre su solicitud',
    stop: 'Para dejar de recibir avisos sobre esta solicitud, abra',
    stopShort: 'Dejar de recibir avisos',
    noReply: 'Este mensaje se envió automáticamente; llame al 311 para comunicarse con nosotros.',
  },
};

/** The expected date as the resident reads it: a day in the city's zone. */
const dayOf = (iso: string, locale: string, timeZone: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(iso));

/** The notice's sentences, in order. */
function sentences(notice: ResidentNotice, facts: ResidentNoticeFacts, w: Words, timeZone: string): string[] {
  const routing = [
    facts.departmentName ? w.routedTo(facts.departmentName) : '',
    facts.expectedBy ? w.expected(dayOf(facts.expectedBy, w.locale, timeZone)) : '',
  ];
  switch (notice) {
    case 'received':
      return [w.received(facts), ...routing];
    case 'routed':
      return routing;
    case 'completed':
      return [w.completed, facts.resolutionNote ? `${w.resolution}: ${facts.resolutionNote}` : ''];
    case 'closed':
      return [w.closed[facts.closeReason ?? 'withdrawn'], facts.parentTicketId ? w.duplicateOf(facts.parentTicketId) : ''];
    case 'commented':
      return [`${w.commented}:`, facts.comment ? `“${facts.comment}”` : ''];
  }
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A text message is kept to two segments' worth; the link is never cut. */
const SMS_BODY_LIMIT = 300;

/** Writes a resident's notice in their language (English fallback), with the link that stops the ticket's updates. */
export function residentMessage(
  notice: ResidentNotice,
  facts: ResidentNoticeFacts,
  options: { readonly language?: string; readonly cityName: string; readonly timeZone: string; readonly unsubscribeUrl: string },
): ResidentMessage {
  const language = templateLanguageOf(options.language);
  const w = WORDS[language];
  const lines = sentences(notice, facts, w, options.timeZone).filter(Boolean);
  const request = w.request(facts.ticketId);
  const subject = `${options.cityName}: ${request[0].toUpperCase()}${request.slice(1)} — ${w.subject[notice]}`;
  const text = [...lines, '', w.noReply, '', `${w.stop} ${options.unsubscribeUrl}`].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><small>${escapeHtml(w.noReply)}</small></p>`,
    `<p><small><a href="${escapeHtml(options.unsubscribeUrl)}">${escapeHtml(w.stopShort)}</a></small></p>`,
    '</body></html>',
  ].join('\n');
  const body = `${options.cityName} ${facts.ticketId}: ${lines.join(' ')}`;
  const sms = `${body.length > SMS_BODY_LIMIT ? `${body.slice(0, SMS_BODY_LIMIT - 1)}…` : body} ${w.stopShort}: ${options.unsubscribeUrl}`;
  return { language, subject, text, html, sms };
}
