import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document of the app, as /docs-json serves it (built once, on first use). */
export function apiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Switchboard API')
    .setDescription('Commands and audit for 311 tickets. Send `Authorization: Bearer <token>`; see docs/api.md.')
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the OpenAPI document at /docs-json and its UI at /docs (its Content-Security-Policy: http/security-headers.ts). */
export function setUpApiDocs(app: NestFastifyApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup('docs', app, () => (document ??= apiDocument(app)), { jsonDocumentUrl: 'docs-json' });
}
