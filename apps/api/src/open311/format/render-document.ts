import type { FastifyReply } from 'fastify';
import { toJson } from './json-writer';
import type { Open311Document } from './open311-document';
import { CONTENT_TYPES, type ResponseFormat } from './response-format';
import { toXml } from './xml-writer';

/** Sets the format's content type on the reply and returns the document's text as the body. */
export function renderDocument(reply: FastifyReply, format: ResponseFormat, document: Open311Document): string {
  void reply.header('content-type', CONTENT_TYPES[format]);
  return format === 'xml' ? toXml(document) : toJson(document);
}
