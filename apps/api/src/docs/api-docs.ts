import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI document at /docs-json and its UI at /docs. */
export function setUpApiDocs(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Switchboard API')
    .setDescription('Commands and audit for 311 tickets. Send `Authorization: Bearer <token>`; see docs/api.md.')
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
