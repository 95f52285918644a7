import { useOutletContext } from 'react-router';

/** Where a moderation screen works: one community, or the whole platform (admins). */
export interface ModerationScope {
  /** Null: every community (platform admins). */
  communityId: string | null;
  slug: string | null;
  /** The community's name, or "the platform". */
  name: string;
  /** Where the area's screens live: /communities/:slug/moderation or /moderation. */
  base: string;
  viewerCan: { moderate: boolean; managePolicy: boolean };
}

/** The scope the area's layout passes to its screens. */
export function useModerationScope(): ModerationScope {
  return useOutletContext<ModerationScope>();
}

export const communityModerationPath = (slug: string, rest = ''): string => `/communities/${slug}/moderation${rest}`;
