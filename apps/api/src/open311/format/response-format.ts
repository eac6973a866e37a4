import { Open311Error } from '../errors/open311-error';

/** The two formats every Open311 resource is served in, chosen by the URL's extension. */
export type ResponseFormat = 'xml' | 'json';

export const CONTENT_TYPES: Record<ResponseFormat, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The format a `.xml` / `.json` extension names; any other extension names a resource that does not exist. */
export function responseFormat(extension: string): ResponseFormat {
  if (extension === 'xml' || extension === 'json') return extension;
  throw new Open311Error(404, `Unknown format "${extension}": ask for .xml or .json.`);
}

/** The format an error answer is written in: the URL's, falling back to XML, the spec's required format. */
export function formatOfUrl(url: string): ResponseFormat {
  const path = url.split('?')[0];
  return path.endsWith('.json') ? 'json' : 'xml';
}
