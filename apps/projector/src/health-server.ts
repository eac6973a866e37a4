import { createServer, type Server } from 'node:http';
import type { Projector } from './projector';
import type { ProjectorMetrics } from './projector-metrics';

/** GET /health: 200 with the projector's role and the read models' lag; GET /metrics: Prometheus; anything else 404. */
export async function startHealthServer(projector: Projector, port: number, host: string, metrics?: ProjectorMetrics): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/metrics' && metrics) {
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    projector.readModels
      .lag()
      .then((lag) => ({ status: 'ok', role: projector.status, lag }))
      .catch((error: unknown) => ({ status: 'degraded', role: projector.status, error: error instanceof Error ? error.message : String(error) }))
      .then((body) => response.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}
