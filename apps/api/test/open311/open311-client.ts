import type { TestApi } from '../api-harness';

/** An Open311 answer: status, content type, the raw text, and the parsed body for JSON. */
export interface Open311Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly json: any;
}

export const BASE = '/open311/v2';

/** Speaks Open311 to the test app: GETs with query parameters and form-encoded POSTs, over a real port. */
export function open311Client(api: () => TestApi) {
  const send = async (
    method: 'GET' | 'POST',
    path: string,
    init: { query?: string; form?: URLSearchParams | string; headers?: Record<string, string> } = {},
  ): Promise<Open311Answer> => {
    const url = `${await api().app.getUrl()}${BASE}/${path}${init.query ? `?${init.query}` : ''}`;
    const headers: Record<string, string> = { ...init.headers };
    if (init.form !== undefined) headers['content-type'] ??= 'application/x-www-form-urlencoded; charset=utf-8';
    const response = await fetch(url, { method, headers, body: init.form === undefined ? undefined : String(init.form) });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return { status: response.status, contentType, text, json: contentType.startsWith('application/json') && text ? JSON.parse(text) : undefined };
  };
  return {
    get: (path: string, query?: string) => send('GET', path, { query }),
    post: (path: string, form: URLSearchParams | string, headers?: Record<string, string>) => send('POST', path, { form, headers }),
  };
}

/** A form from pairs; repeated names (attribute[CODE][]) are allowed. */
export const form = (pairs: readonly (readonly [string, string])[]): URLSearchParams => new URLSearchParams(pairs as [string, string][]);
