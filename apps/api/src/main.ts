import { createApp } from './create-app';
import { loadApiConfig } from './config/api-config';
import { importKnowledgeBase } from './knowledge/import-knowledge-base';
import { importDemoRosters, isDemoCity } from './phone-coverage/import-demo-rosters';
import { startupBanner } from './startup-banner';

/** Starts the API from environment variables (docs/operations.md). */
async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApp(config);
  if (config.knowledgeBasePath) {
    const { published, kept } = await importKnowledgeBase(app, config.knowledgeBasePath);
    console.log(`Knowledge base ${config.knowledgeBasePath}: ${published} articles published${kept ? `, ${kept} kept as the log has them` : ''}.`);
  }
  if (isDemoCity(config)) {
    const { set, kept } = await importDemoRosters(app);
    console.log(`Demo phone rosters: ${set} set${kept ? `, ${kept} kept as the log has them` : ''}.`);
  }
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(startupBanner(config, `http://${shownHost}:${config.port}`));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
