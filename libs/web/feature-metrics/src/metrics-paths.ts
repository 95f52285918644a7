/** Where the metrics screens live. */
export const metricsPaths = {
  steering: '/programme',
  rollups: '/programme/rollups',
  snapshots: '/programme/snapshots',
  snapshot: (id: string) => `/programme/snapshots/${id}`,
  compare: (a: string, b: string) => `/programme/snapshots/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`,
  community: (slug: string) => `/communities/${slug}/metrics`,
};
