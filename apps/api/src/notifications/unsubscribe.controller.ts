import { Body, Controller, Get, Header, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { loadTicket } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { type Notifications, recordUnsubscribe, verifyUnsubscribeToken } from '@switchboard/outbound';
import { InvalidQueryParameterError } from '@switchboard/read-models';
import { Public } from '../auth/public.decorator';
import { CLOCK, type Clock } from '../clock/clock';
import { TicketNotFound } from '../errors/api-exceptions';
import { FormBody } from '../input/route-input';
import { UnsubscribeFormDto, UnsubscribeQueryDto } from './notifications.dto';
import { NOTIFICATIONS } from './notifications.providers';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small page in English and Spanish (the notices' languages): no script, no style the security headers would block. */
const page = (title: string, lines: readonly string[], form?: { action: string; button: string }): string =>
  [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    form
      ? `<form method="post" action="${escapeHtml(form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(form.button)}</button></form>`
      : '',
    '</body></html>',
  ].join('\n');

/**
 * The link every resident notice carries, which works without signing in: the token is signed by the
 * city and names the ticket. GET shows what it will do (mail scanners open links, so a GET changes
 * nothing); POST — the page's button, or a mail client's one-click unsubscribe (RFC 8058) — records
 * ResidentUnsubscribed on the ticket, after which nothing more is sent about it.
 */
@ApiTags('notifications')
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NOTIFICATIONS) private readonly notifications: Notifications,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The confirmation page: which request, and the button that stops its updates. */
  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page with the button that stops the updates (nothing is changed by GET).', schema: { type: 'string' } })
  async confirm(@Query() query: UnsubscribeQueryDto): Promise<string> {
    const { ticketId } = this.claimOf(query.token);
    if ((await loadTicket(this.store, ticketId)).revision === undefined) throw new TicketNotFound(ticketId);
    return page(
      `Request ${ticketId}`,
      [`Stop e-mail and text message updates about request ${ticketId}?`, `¿Dejar de recibir avisos sobre la solicitud ${ticketId}?`],
      { action: `?token=${encodeURIComponent(query.token)}`, button: 'Stop updates / Dejar de recibir avisos' },
    );
  }

  /** Stops the ticket's updates: recorded once on its history, however often the link is used. */
  @Public()
  @Post()
  @HttpCode(200)
  @FormBody()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page saying the updates stopped.', schema: { type: 'string' } })
  async unsubscribe(@Query() query: UnsubscribeQueryDto, @Body() _form: UnsubscribeFormDto): Promise<string> {
    const { ticketId } = this.claimOf(query.token);
    const result = await recordUnsubscribe(this.store, { ticketId }, this.clock.now());
    if (!result.unsubscribed) throw new TicketNotFound(ticketId);
    return page(`Request ${ticketId}`, [
      `You will get no more updates about request ${ticketId}. Call 311 to hear about it.`,
      `No recibirá más avisos sobre la solicitud ${ticketId}. Llame al 311 para saber de ella.`,
    ]);
  }

  private claimOf(token: string) {
    const claim = verifyUnsubscribeToken(this.notifications.context.unsubscribeSecret, token);
    if (!claim) throw new InvalidQueryParameterError('token', 'is not the token of a link we sent (it may have been cut short when copied).');
    return claim;
  }
}
