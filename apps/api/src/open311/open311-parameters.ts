/** The query parameters of the Open311 GET resources (GeoReport v2), as the routes declare them. */
export const JURISDICTION = { jurisdiction_id: 'Optional: this endpoint serves one jurisdiction; when given it must be that one.' } as const;

/** Open311 clients often send their api_key on every call; GET resources are public, so it is accepted and not needed. */
export const API_KEY = { api_key: 'Accepted and ignored: GET resources need no key.' } as const;

export const REQUEST_LISTING = {
  ...JURISDICTION,
  ...API_KEY,
  service_request_id: 'Comma-separated ids of the requests to answer; overrides every other filter.',
  service_code: 'Comma-separated service codes.',
  status: 'open, closed, or both comma-separated.',
  start_date: 'Requested at or after this W3C date-time.',
  end_date: 'Requested before this W3C date-time (at most 90 days after start_date).',
  updated_after: 'Extension: updated after this W3C date-time.',
  updated_before: 'Extension: updated before this W3C date-time.',
  page: 'Extension: page number, from 1.',
  page_size: 'Extension: requests per page, 1-1000.',
  extensions: 'true: add the extended attributes.',
} as const;

export const ONE_REQUEST = { ...JURISDICTION, ...API_KEY, extensions: 'true: add the extended attributes.' } as const;

/** The form fields of POST requests (form-encoded), as the OpenAPI document shows them. */
export const SUBMISSION_FORM_SCHEMA = {
  type: 'object',
  required: ['api_key', 'service_code'],
  properties: {
    api_key: { type: 'string', description: 'The key the city issued to the submitting app.' },
    jurisdiction_id: { type: 'string' },
    service_code: { type: 'string' },
    lat: { type: 'string', description: 'WGS84 latitude, with long.' },
    long: { type: 'string', description: 'WGS84 longitude, with lat.' },
    address_string: { type: 'string', maxLength: 500 },
    address_id: { type: 'string', maxLength: 100 },
    email: { type: 'string', maxLength: 254 },
    device_id: { type: 'string' },
    account_id: { type: 'string' },
    first_name: { type: 'string', maxLength: 100 },
    last_name: { type: 'string', maxLength: 100 },
    phone: { type: 'string', maxLength: 40 },
    description: { type: 'string', maxLength: 4000 },
    media_url: { type: 'string' },
  },
  additionalProperties: { type: 'string', description: 'attribute[CODE]: answers to the service definition.' },
} as const;
