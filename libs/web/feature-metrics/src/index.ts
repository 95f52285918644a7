export { communityMetricsRoutes, metricsRoutes } from './routes';
export { metricsPaths } from './metrics-paths';
