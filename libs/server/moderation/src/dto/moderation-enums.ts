import { registerEnumType } from '@nestjs/graphql';
import { graphqlEnum } from '@commons/server-graphql';
import {
  APPEAL_STATUSES,
  APPEAL_TARGETS,
  DRY_RUN_STATUSES,
  FLAG_REASONS,
  POLICY_SCOPES,
  QUEUE_SOURCES,
  QUEUE_STATUSES,
  REVIEW_ACTIONS,
  SANCTION_KINDS,
} from '@commons/shared-contracts';
import { LinkMatch, PERSONAL_DATA_TYPES, RULE_ACTIONS, RULE_KINDS } from '../policy/policy.types';

export const RuleKindEnum = graphqlEnum(RULE_KINDS);
registerEnumType(RuleKindEnum, { name: 'ModerationRuleKind' });
export const RuleActionEnum = graphqlEnum(RULE_ACTIONS);
registerEnumType(RuleActionEnum, { name: 'ModerationRuleAction', description: 'The strictest matched action wins: REJECT > HOLD > ALLOW (ALLOW whitelists what other text rules matched).' });
export const PersonalDataTypeEnum = graphqlEnum(PERSONAL_DATA_TYPES);
registerEnumType(PersonalDataTypeEnum, { name: 'PersonalDataType' });
export const LinkMatchEnum = graphqlEnum(Object.values(LinkMatch));
registerEnumType(LinkMatchEnum, { name: 'LinkMatch' });
export const PolicyScopeEnum = graphqlEnum(POLICY_SCOPES);
registerEnumType(PolicyScopeEnum, { name: 'ModerationPolicyScope' });
export const QueueSourceEnum = graphqlEnum(QUEUE_SOURCES);
registerEnumType(QueueSourceEnum, { name: 'ModerationQueueSource', description: 'POLICY: held when written; FLAGS: flagged by members.' });
export const QueueStatusEnum = graphqlEnum(QUEUE_STATUSES);
registerEnumType(QueueStatusEnum, { name: 'ModerationQueueStatus' });
export const ReviewActionEnum = graphqlEnum(REVIEW_ACTIONS);
registerEnumType(ReviewActionEnum, { name: 'ReviewAction', description: 'ESCALATE sends the item to the platform admins.' });
export const FlagReasonEnum = graphqlEnum(FLAG_REASONS);
registerEnumType(FlagReasonEnum, { name: 'FlagReason' });
export const SanctionKindEnum = graphqlEnum(SANCTION_KINDS);
registerEnumType(SanctionKindEnum, { name: 'SanctionKind', description: 'WARN records a warning; MUTE stops posting in a community; SUSPEND (admins) stops all use of the platform.' });
export const AppealTargetEnum = graphqlEnum(APPEAL_TARGETS);
registerEnumType(AppealTargetEnum, { name: 'AppealTarget' });
export const AppealStatusEnum = graphqlEnum(APPEAL_STATUSES);
registerEnumType(AppealStatusEnum, { name: 'AppealStatus' });
export const DryRunStatusEnum = graphqlEnum(DRY_RUN_STATUSES);
registerEnumType(DryRunStatusEnum, { name: 'DryRunStatus' });
