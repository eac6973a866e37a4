import { ElementList, type Open311Document, type Open311Value } from './open311-document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates): replaced, never emitted. */
const NOT_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content: markup characters become entities, impossible characters U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHARS, '\uFFFD').replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** The XML text of a document: declaration, root element, two-space indentation, no namespace (as the spec asks). */
export function toXml(document: Open311Document): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(document.root, document.body, '')}\n`;
}

function element(name: string, value: Open311Value, indent: string): string {
  if (value === null || value === '') return `${indent}<${name}/>`;
  if (typeof value !== 'object') return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
  const inner = `${indent}  `;
  const children =
    value instanceof ElementList
      ? value.items.map((item) => element(value.itemName, item, inner))
      : Object.entries(value)
          .filter(([, child]) => child !== undefined)
          .map(([childName, child]) => element(childName, child, inner));
  return children.length === 0 ? `${indent}<${name}/>` : `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
}
