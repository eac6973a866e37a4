// The reports bench's API child (`npm run bench:reports -- --measure api`): the real API from its
// build (dist/apps/api, as `npm start` and the deployment image run it — not from the sources
// through a TypeScript hook, which adds ~80 MB of its own), on one log and one read store, asked
// what the console asks. Plain JavaScript so the child's RSS is the API's. Arguments: one JSON
// object { dist, dir, url, rounds, moments, historyEnd, dashboardFrom, year, tokens }; prints one
// JSON line of timings last.
const { join } = require('node:path');

async function main() {
  const spec = JSON.parse(process.argv[2]);
  const { loadApiConfig } = require(join(spec.dist, 'config/api-config.js'));
  const { createApp } = require(join(spec.dist, 'create-app.js'));
  const { SlaWatchService } = require(join(spec.dist, 'sla/sla-watch.service.js'));
  const director = `Bearer ${spec.director}`;
  const config = { ...loadApiConfig({}), eventStoreUrl: `sqlite:${join(spec.dir, 'events.db')}`, readStoreUrl: spec.url, logLevel: 'silent', docs: false };
  const end = Date.parse(spec.historyEnd);
  const clock = { now: () => new Date(end), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle) };
  const app = await createApp(config, clock);
  const peakMb = () => Math.round((process.resourceUsage().maxRSS * 1024) / 1048576);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = await app.getUrl();
    // The log stays still while measuring: the watcher's loop is stopped (what it would settle is a few recent tickets).
    await app.get(SlaWatchService).onModuleDestroy();
    const rssAtStartMb = peakMb();
    const get = async (path, query) => {
      const params = new URLSearchParams(Object.entries(query).filter((entry) => entry[1] !== undefined));
      // A kept-alive socket the server closes as the next request goes out (a race under load) is tried once more on a new one.
      const send = () => fetch(`${base}${path}?${params}`, { headers: { authorization: director } });
      const response = await send().catch(send);
      if (!response.ok) throw new Error(`GET ${path}?${params} answered ${response.status}: ${await response.text()}`);
      return response.json();
    };
    const dashboard = async (asOf) => {
      const report = { from: spec.dashboardFrom, to: asOf ?? spec.historyEnd, groupBy: 'department', asOf };
      await Promise.all([
        get('/metrics/completion', { ...report, period: 'range' }),
        get('/metrics/completion', { ...report, period: 'week' }),
        get('/escalations', { asOf, limit: '200' }),
      ]);
    };
    const timed = async (count, load) => {
      const times = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await load(i);
        times.push(performance.now() - started);
      }
      return times;
    };
    const yearQuery = () => get('/metrics/completion', { ...spec.year, groupBy: 'department', period: 'month' });
    await dashboard();
    const live = await timed(spec.rounds, () => dashboard());
    console.error(`  api: live dashboard p50 ${Math.round(live.sort((a, b) => a - b)[live.length >> 1])} ms`);
    const rssAfterLiveMb = peakMb();
    // Moments never asked before, a day and a minute apart, inside the dashboard's range.
    const asOfFirst = await timed(spec.moments, (i) => dashboard(new Date(end - (i + 1) * 86_400_000 - i * 60_000).toISOString()));
    const rssAfterAsOfMb = peakMb();
    console.error(`  api: as-of first loads done, peak RSS ${rssAfterAsOfMb} MB`);
    const yearFigures = (await yearQuery()).figures ?? [];
    const year = await timed(spec.rounds, yearQuery);
    const ready = await (await fetch(`${base}/health/ready`)).json();
    const events = ready.projectionLag?.checkpoint ?? '?';
    console.log(JSON.stringify({ live, asOfFirst, year, yearFigures, rssAtStartMb, rssAfterLiveMb, rssAfterAsOfMb, events }));
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
