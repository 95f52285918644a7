import { registerEnumType } from '@nestjs/graphql';
import { graphqlEnum } from '@commons/server-graphql';
import {
  COMMUNITY_LIFECYCLES,
  COMMUNITY_ROLES,
  COMMUNITY_VISIBILITIES,
  METRIC_KEYS,
  OBJECTIVE_DIRECTIONS,
  SOCIAL_INTENTS,
  USE_CASES,
} from '@commons/shared-contracts';


export const CommunityVisibilityEnum = graphqlEnum(COMMUNITY_VISIBILITIES);
registerEnumType(CommunityVisibilityEnum, {
  name: 'CommunityVisibility',
  description: 'OPEN: anyone in the audience joins. PRIVATE: listed; join by request. SECRET: unlisted; invitation only.',
});

export const SocialIntentEnum = graphqlEnum(SOCIAL_INTENTS);
registerEnumType(SocialIntentEnum, { name: 'SocialIntent', description: 'The business purpose the community is stated to serve.' });

export const UseCaseEnum = graphqlEnum(USE_CASES);
registerEnumType(UseCaseEnum, { name: 'UseCase', description: 'What the community uses to serve its intent.' });

export const CommunityLifecycleEnum = graphqlEnum(COMMUNITY_LIFECYCLES);
registerEnumType(CommunityLifecycleEnum, {
  name: 'CommunityLifecycle',
  description: 'DRAFT (its managers only) → PILOT (the cohort) → ACTIVE (the audience) → ARCHIVED (read-only).',
});

export const CommunityRoleEnum = graphqlEnum(COMMUNITY_ROLES);
registerEnumType(CommunityRoleEnum, { name: 'CommunityRole' });

export const MetricKeyEnum = graphqlEnum(METRIC_KEYS);
registerEnumType(MetricKeyEnum, { name: 'MetricKey', description: 'A metric an objective targets.' });

export const ObjectiveDirectionEnum = graphqlEnum(OBJECTIVE_DIRECTIONS);
registerEnumType(ObjectiveDirectionEnum, { name: 'ObjectiveDirection', description: 'UP: higher is better. DOWN: lower is better.' });
