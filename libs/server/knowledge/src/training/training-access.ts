import type { AuthorizationRule, Viewer } from '@commons/server-core';
import { CommunityAction, communityRules, type CommunityAccess } from '@commons/server-communities';
import { Audience, PlatformRole, type Audience as AudienceValue } from '@commons/shared-contracts';
import { isProgrammeTeam } from '../knowledge-roles';
import { CourseState, type CourseState as CourseStateValue } from './training-states';

export const TrainingAction = {
  /** Create, edit, publish and archive courses: the programme team. */
  Manage: 'training:manage',
  /** A course's page, lessons and quiz: its audience (within its target groups), its learners, the programme team. */
  ReadCourse: 'training:read-course',
  /** Enrol oneself: a published course the viewer may find in the catalogue. */
  Enrol: 'training:enrol',
  /** Assign a course with a due date: the programme team to anyone, a community's managers to its members. */
  Assign: 'training:assign',
  /** Completion reports: the programme team, steering and admins; a community's managers for its members. */
  ReadReports: 'training:read-reports',
} as const;

/** What the course rules need to know about one course for one viewer, loaded in one statement. */
export interface CourseFacts {
  state: CourseStateValue;
  audiences: AudienceValue[];
  /** The viewer is in one of its target groups, or it has none. */
  inTargetGroup: boolean;
  /** The viewer has an enrolment (self or assigned). */
  enrolled: boolean;
}

/** A course rule's resource: the course's facts. */
export interface CourseResource {
  facts: CourseFacts;
}

/** Assigning or reporting inside a community: its access facts; none for platform-wide. */
export interface TrainingScopeResource {
  access: CommunityAccess | null;
}

const community = (action: string) => communityRules[action] as AuthorizationRule;
/** Employees are served by every course; customers and partners only by courses opened to them. */
const servesAudience = (actor: Viewer, f: CourseFacts) => actor.audience === Audience.Employee || f.audiences.includes(actor.audience);
const inCatalogue = (actor: Viewer, f: CourseFacts) => f.state === CourseState.Published && servesAudience(actor, f) && f.inTargetGroup;
const managesScope = (actor: Viewer, r: TrainingScopeResource | undefined) =>
  r?.access !== null && r?.access !== undefined && community(CommunityAction.Manage)(actor, r);

const courseFacts = (resource: unknown): CourseFacts => {
  const facts = (resource as CourseResource | undefined)?.facts;
  if (!facts) throw new Error('Course rules need a resource with loaded course facts');
  return facts;
};

export const trainingRules: Record<string, AuthorizationRule> = {
  [TrainingAction.Manage]: (actor) => isProgrammeTeam(actor),
  [TrainingAction.ReadCourse]: (actor, resource) => {
    const f = courseFacts(resource);
    return isProgrammeTeam(actor) || (f.enrolled && f.state !== CourseState.Draft) || inCatalogue(actor, f);
  },
  [TrainingAction.Enrol]: (actor, resource) => {
    const f = courseFacts(resource);
    return !f.enrolled && inCatalogue(actor, f);
  },
  [TrainingAction.Assign]: (actor, resource) => isProgrammeTeam(actor) || managesScope(actor, resource as TrainingScopeResource | undefined),
  [TrainingAction.ReadReports]: (actor, resource) =>
    isProgrammeTeam(actor) || actor.role === PlatformRole.Steering || managesScope(actor, resource as TrainingScopeResource | undefined),
};
