import type { AuthorizationRule, Viewer } from '@commons/server-core';
import { isProgrammeTeam } from '../knowledge-roles';

/**
 * Permissions on expertise and champions. Finding experts and reading the champion directory is
 * open to every signed-in account, but what each answer contains is filtered in SQL: evidence
 * only from communities the viewer may read, people only as the viewer may see them (customers
 * and partners: people of communities opened to them), and department champions to employees only.
 */
export const ExpertsAction = {
  /** Declare one's own expertise tags and note. */
  DeclareExpertise: 'experts:declare-expertise',
  /** Search experts by topic. */
  Find: 'experts:find',
  /** The champion directory. */
  ReadChampions: 'experts:read-champions',
  /** Name champions and end their roles: the programme team. */
  NameChampions: 'experts:name-champions',
  /** A champion's dashboard: the champion themself while their role lasts, or the programme team. */
  ViewDashboard: 'experts:view-dashboard',
} as const;

/** Whose dashboard, and whether they currently champion anything. */
export interface ChampionDashboardResource {
  accountId: string;
  currentChampion: boolean;
}

export const expertsRules: Record<string, AuthorizationRule> = {
  [ExpertsAction.DeclareExpertise]: () => true,
  [ExpertsAction.Find]: () => true,
  [ExpertsAction.ReadChampions]: () => true,
  [ExpertsAction.NameChampions]: (actor: Viewer) => isProgrammeTeam(actor),
  [ExpertsAction.ViewDashboard]: (actor: Viewer, resource: unknown) => {
    if (isProgrammeTeam(actor)) return true;
    const r = resource as ChampionDashboardResource | undefined;
    return r !== undefined && r.accountId === actor.accountId && r.currentChampion;
  },
};
