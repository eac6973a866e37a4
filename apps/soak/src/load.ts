import { randomUUID } from 'node:crypto';

/** Demo tokens (apps/api/config/demo-tokens.json): the soak plays a city's day with them. */
const TOKENS = {
  operator: 'demo-operator-ada',
  staff: 'demo-staff-dpw-sam',
  head: 'demo-head-dpw-hana',
  resident: 'demo-resident-portal',
};

/** A command the API acknowledged: its events must be in the log exactly once. */
export interface Acknowledged {
  readonly commandId: string;
  readonly ticketId: string;
  readonly events: readonly string[];
}

/** What the load saw, for the summary and the end checks. */
export class LoadRecord {
  readonly acknowledged: Acknowledged[] = [];
  readonly statuses = new Map<string, number>();
  readonly byAction = new Map<string, number>();
  readonly serverErrors: string[] = [];
  /** Told of every answer (599: no answer) with the API instance that gave it, for checks tied to one instance. */
  onAnswer?: (base: string, action: string, status: number) => void;

  count(action: string, status: number, base: string): void {
    this.onAnswer?.(base, action, status);
    const kind = `${Math.floor(status / 100)}xx`;
    this.statuses.set(kind, (this.statuses.get(kind) ?? 0) + 1);
    this.byAction.set(`${action} ${kind}`, (this.byAction.get(`${action} ${kind}`) ?? 0) + 1);
  }
}

type Pool = 'intake' | 'assigned' | 'inProgress' | 'completed';

/** Ticket ids by the state the load last saw them in; commands may still race and lose (4xx). */
class TicketPools {
  private readonly pools: Record<Pool, string[]> = { intake: [], assigned: [], inProgress: [], completed: [] };
  add(pool: Pool, id: string): void {
    const list = this.pools[pool];
    list.push(id);
    if (list.length > 500) list.shift();
  }
  take(pool: Pool): string | undefined {
    const list = this.pools[pool];
    return list.length ? list.splice(Math.floor(Math.random() * list.length), 1)[0] : undefined;
  }
}

/** One virtual user's loop: a weighted mix of what a city's day holds, against random API instances. */
export async function runUser(apis: readonly string[], until: number, record: LoadRecord, pools = SHARED_POOLS): Promise<void> {
  while (Date.now() < until) {
    const base = apis[Math.floor(Math.random() * apis.length)];
    const roll = Math.random();
    try {
      if (roll < 0.25) await open(base, record, pools);
      else if (roll < 0.33) await open311(base, record, pools);
      else if (roll < 0.5) await move(base, record, pools, 'intake', 'route', 'assign', TOKENS.operator, { department: 'DPW' }, 'assigned');
      else if (roll < 0.65) await claim(base, record, pools);
      else if (roll < 0.7) await move(base, record, pools, 'inProgress', 'escalate', 'escalate', TOKENS.staff, { reason: 'complex' }, 'inProgress');
      else if (roll < 0.85)
        await move(base, record, pools, 'inProgress', 'complete', 'complete', TOKENS.staff, { resolutionCode: 'repaired', note: 'Done' }, 'completed');
      else if (roll < 0.88) await move(base, record, pools, 'completed', 'reopen', 'reopen', TOKENS.operator, { reason: 'came back' }, 'assigned');
      else
        await move(
          base,
          record,
          pools,
          'assigned',
          'comment',
          'comments',
          TOKENS.operator,
          { body: 'Resident called again', visibility: 'public' },
          'assigned',
        );
    } catch (error) {
      record.count('network', 599, base);
      record.serverErrors.push(String(error));
    }
  }
}

const SHARED_POOLS = new TicketPools();

async function post(base: string, path: string, token: string, body: unknown, record: LoadRecord, action: string) {
  const commandId = randomUUID();
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': commandId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  record.count(action, response.status, base);
  if (response.status >= 500) record.serverErrors.push(`${action} ${path}: ${response.status} ${text.slice(0, 200)}`);
  const json = text ? JSON.parse(text) : undefined;
  // A claim records its StartWork under the key and the ticket it won (several candidates may be tried).
  const recordedId = action === 'claim' ? `claim:${commandId}:${json?.ticketId}` : commandId;
  if (response.ok && json?.events) record.acknowledged.push({ commandId: recordedId, ticketId: json.ticketId, events: json.events });
  return { ok: response.ok, json };
}

async function open(base: string, record: LoadRecord, pools: TicketPools): Promise<void> {
  const body = {
    serviceCode: 'POTHOLE',
    description: 'Pothole on Elm St',
    channel: 'phone',
    location: { address: '12 Elm St' },
    attributes: { SIZE: 'large', IN_ROADWAY: 'yes' },
  };
  const { ok, json } = await post(base, '/tickets', TOKENS.operator, body, record, 'open');
  if (ok) pools.add('intake', json.ticketId);
}

async function open311(base: string, record: LoadRecord, pools: TicketPools): Promise<void> {
  const commandId = randomUUID();
  const form = new URLSearchParams({
    api_key: TOKENS.resident,
    service_code: 'TREE-PRUNING',
    description: 'Branches over the sidewalk',
    address_string: '3 Oak St',
    email: 'resident@example.org',
  });
  const response = await fetch(`${base}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': commandId },
    body: form.toString(),
  });
  const text = await response.text();
  record.count('open311', response.status, base);
  if (response.status >= 500) record.serverErrors.push(`open311: ${response.status} ${text.slice(0, 200)}`);
  if (!response.ok) return;
  const ticketId = (JSON.parse(text) as { service_request_id: string }[])[0].service_request_id;
  record.acknowledged.push({ commandId, ticketId, events: ['TicketOpened'] });
  pools.add('intake', ticketId);
}

async function move(
  base: string,
  record: LoadRecord,
  pools: TicketPools,
  from: Pool,
  action: string,
  path: string,
  token: string,
  body: unknown,
  to: Pool,
): Promise<void> {
  const id = pools.take(from);
  if (!id) return;
  const { ok } = await post(base, `/tickets/${id}/${path}`, token, body, record, action);
  pools.add(ok ? to : from, id);
}

async function claim(base: string, record: LoadRecord, pools: TicketPools): Promise<void> {
  const { ok, json } = await post(base, '/departments/DPW/queue/claim', TOKENS.staff, undefined, record, 'claim');
  if (ok && json?.ticketId) pools.add('inProgress', json.ticketId);
}
