import type { OpenAPIObject } from '@nestjs/swagger';

/** A JSON schema as the document has it ($refs resolved). */
export interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly additionalProperties?: boolean | Schema;
  readonly example?: unknown;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly schema: Schema;
}

/** One operation of the document: a method on a path, its parameters and its request body. */
export interface Operation {
  readonly method: string;
  /** As the document writes it: /tickets/{id}/history. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body?: { readonly mediaType: string; readonly schema: Schema };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenAPIObject): Operation[] {
  const resolve = (schema: unknown, depth = 0): Schema => {
    if (!schema || typeof schema !== 'object' || depth > 8) return {};
    const ref = (schema as { $ref?: string }).$ref;
    if (ref) return resolve(document.components?.schemas?.[ref.split('/').pop() as string], depth + 1);
    const { properties, items, ...rest } = schema as Schema;
    return {
      ...rest,
      ...(properties ? { properties: Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, resolve(property, depth + 1)])) } : {}),
      ...(items ? { items: resolve(items, depth + 1) } : {}),
    };
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => (item as Record<string, unknown>)[method]).map((method) => {
      const operation = (item as Record<string, any>)[method];
      const content = operation.requestBody?.content as Record<string, { schema?: unknown }> | undefined;
      const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase(),
        path,
        parameters: ((operation.parameters ?? []) as any[])
          .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
          .map((parameter) => ({ name: parameter.name, in: parameter.in, required: parameter.required === true, schema: resolve(parameter.schema) })),
        ...(mediaType ? { body: { mediaType, schema: resolve(media?.schema) } } : {}),
      };
    }),
  );
}

/** The routes Fastify serves, from its route tree ("METHOD /path/{param}"), HEAD left out. */
export function servedRoutes(printedTree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of printedTree.split('\n')) {
    const at = line.indexOf('── ');
    const match = at < 0 ? null : /^(\S.*?) \(([A-Z, ]+)\)$/.exec(line.slice(at + 3));
    if (!match) continue;
    const depth = Math.round(at / 4);
    stack.length = depth;
    stack[depth] = match[1];
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of match[2].split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path.startsWith('/') ? path : `/${path}`}`);
  }
  return routes;
}
