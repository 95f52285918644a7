// Scenario 6's baseline routes, served by baseline-server.mjs: the steering dashboard's metric
// questions answered by the API's own compiled MetricsService (so the SQL is the API's, read
// from the same rollup rows), with none of Nest, GraphQL or the resolvers around it. Only the
// authorization rules are stood in for: the two the metrics ask about, as plain comparisons.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../../lib/embedded-postgres.mjs';

const require = createRequire(import.meta.url);
const built = (path) => require(join(repoRoot, 'dist/apps/api/libs/server', path));

/** Adds GET /metric-series and GET /metric-breakdown to `app`, answering as the API does. */
export function dashboardRoutes(app, { dataSource, viewerOf, clock }) {
  const { MetricsService } = built('analytics/src/metrics/metrics.service.js');
  const { MetricRegistry } = built('analytics/src/metrics/metric-registry.js');
  const { MetricReaders } = built('analytics/src/metrics/metric-readers.js');
  const { ACTIVITY_METRICS } = built('analytics/src/rollups/activity-metrics.js');
  const { CommunityRepository } = built('communities/src/community.repository.js');
  const { PlatformAction } = built('core/src/index.js');

  const registry = new MetricRegistry();
  registry.register(ACTIVITY_METRICS);
  // The steering committee and admins read organisation-wide metrics; a community they can see, too.
  const authorization = { can: (viewer, action) => (action === PlatformAction.ReadOrganisationMetrics ? viewer.role === 'STEERING' || viewer.role === 'ADMIN' : true) };
  const communityRepository = new CommunityRepository(dataSource, clock);
  const communities = { facts: async (viewer, id) => (await communityRepository.accessFacts(viewer, [id])).get(id) ?? null };
  const config = { timeZone: process.env.TIME_ZONE ?? 'UTC', analytics: { minGroupSize: 5 } };
  const metrics = new MetricsService(dataSource, config, registry, new MetricReaders(), authorization, communities);

  const answer = async (request, reply, work) => {
    const viewer = await viewerOf(request);
    if (!viewer) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
    try {
      return await work(viewer, request.query);
    } catch (error) {
      return reply.code(400).send({ error: String(error?.message ?? error) });
    }
  };

  app.get('/metric-series', (request, reply) =>
    answer(request, reply, async (viewer, q) => {
      const series = await metrics.series(viewer, { metrics: String(q.metrics).split(','), dimension: q.dimension, sliceId: q.sliceId ?? null, from: q.from, to: q.to, bucket: q.bucket });
      return { metricSeries: series.map((s) => ({ definition: s.definition, slice: s.slice, bucket: s.bucket, points: s.points })) };
    }),
  );
  app.get('/metric-breakdown', (request, reply) =>
    answer(request, reply, async (viewer, q) => ({ metricBreakdown: await metrics.breakdown(viewer, q.metric, q.dimension, q.from, q.to) })),
  );
}
