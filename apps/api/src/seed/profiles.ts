/** How big a generated organisation is. */
export interface SizeProfile {
  accounts: number;
  departments: number;
  communities: number;
  /** Threads, replies, blog posts and comments together. */
  posts: number;
  /** Reply counts of the few very long threads (in the largest community). */
  longThreads: number[];
  /** How far back the organisation's history goes. */
  days: number;
  pilotCohorts: number;
}

export const SIZES = {
  s: { accounts: 1_000, departments: 12, communities: 24, posts: 50_000, longThreads: [2_000], days: 365, pilotCohorts: 3 },
  m: { accounts: 4_000, departments: 25, communities: 80, posts: 250_000, longThreads: [5_000, 10_000], days: 730, pilotCohorts: 5 },
  l: { accounts: 10_000, departments: 40, communities: 200, posts: 1_000_000, longThreads: [10_000, 12_000, 15_000], days: 730, pilotCohorts: 8 },
} as const satisfies Record<string, SizeProfile>;

export type SizeName = keyof typeof SIZES;

/** The share of posts of each kind (the rest are forum replies). */
export const POST_MIX = { threads: 0.1, blogPosts: 0.02, comments: 0.1 } as const;
