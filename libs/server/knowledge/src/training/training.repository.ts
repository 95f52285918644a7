import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import type { KeysetPosition } from '@commons/server-graphql';
import { Audience, type Audience as AudienceValue } from '@commons/shared-contracts';
import { CourseEntity } from './entities/course.entity';
import { LessonEntity } from './entities/lesson.entity';
import { QuizQuestionEntity } from './entities/quiz-question.entity';
import type { CourseFacts } from './training-access';
import type { CourseState } from './training-states';

/** A course with the viewer's facts about it. */
export interface LoadedCourse {
  course: CourseEntity;
  facts: CourseFacts;
  /** The viewer manages at least one community (may assign there). */
  managesCommunity: boolean;
}

/** An enrolment with its progress, as every list and page shows it. */
export interface EnrolmentRow {
  id: string;
  courseId: string;
  accountId: string;
  enrolledAt: Date;
  assignedById: string | null;
  assignedAt: Date | null;
  assignedCommunityId: string | null;
  dueAt: Date | null;
  completedAt: Date | null;
  lessonCount: number;
  completedLessonIds: string[];
  bestScore: number | null;
  quizPassed: boolean;
}

export interface CompletionRow {
  id: string | null;
  label: string;
  enrolled: number;
  completed: number;
  overdue: number;
}

export interface OverdueRow {
  enrolmentId: string;
  courseId: string;
  courseTitle: string;
  accountId: string;
  learnerName: string;
  department: string | null;
  dueAt: Date;
  lessonsDone: number;
  lessonCount: number;
}

/** Report scope: one course or all, members of one community or everyone. */
export interface ReportScope {
  courseId: string | null;
  communityId: string | null;
  now: Date;
}

/** Binds positional parameters as SQL is written: `p(value)` returns its `$n`. */
class Params {
  readonly values: unknown[] = [];
  p = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

/** The viewer is in one of the course's target groups, or it has none. Expects `c` (training_courses). */
const inTargetSql = (viewerId: string) => `(
  (c.target_cohort_id IS NULL AND c.target_department IS NULL AND NOT c.target_community_managers)
  OR EXISTS (SELECT 1 FROM cohort_members tcm WHERE tcm.cohort_id = c.target_cohort_id AND tcm.account_id = ${viewerId})
  OR (c.target_department IS NOT NULL AND lower(c.target_department) = (SELECT lower(ta.department) FROM accounts ta WHERE ta.id = ${viewerId}))
  OR (c.target_community_managers AND EXISTS (SELECT 1 FROM community_memberships tm WHERE tm.account_id = ${viewerId} AND tm.role = 'MANAGER'))
)`;

const ENROLMENT_COLUMNS = `e.id, e.course_id AS "courseId", e.account_id AS "accountId", e.enrolled_at AS "enrolledAt",
  e.assigned_by_id AS "assignedById", e.assigned_at AS "assignedAt", e.assigned_community_id AS "assignedCommunityId",
  e.due_at AS "dueAt", e.completed_at AS "completedAt",
  (SELECT count(*) FROM training_lessons l WHERE l.course_id = e.course_id)::int AS "lessonCount",
  ARRAY(SELECT p.lesson_id FROM training_lesson_progress p JOIN training_lessons l ON l.id = p.lesson_id WHERE p.enrolment_id = e.id ORDER BY l.position) AS "completedLessonIds",
  (SELECT max(q.score) FROM training_quiz_attempts q WHERE q.enrolment_id = e.id) AS "bestScore",
  (EXISTS (SELECT 1 FROM training_quiz_attempts q WHERE q.enrolment_id = e.id AND q.passed)
    OR NOT EXISTS (SELECT 1 FROM training_quiz_questions qq WHERE qq.course_id = e.course_id)) AS "quizPassed"`;

/** Training's SQL: catalogue, facts, progress, assignments and reports. */
@Injectable()
export class TrainingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Courses with the viewer's facts, in one statement. */
  async load(viewer: Viewer, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, LoadedCourse>> {
    if (ids.length === 0) return new Map();
    const q = new Params();
    const viewerId = q.p(viewer.accountId);
    const rows: Array<{ id: string; in_target: boolean; enrolled: boolean; manages: boolean }> = await manager.query(
      `SELECT c.id, ${inTargetSql(viewerId)} AS in_target,
              EXISTS (SELECT 1 FROM training_enrolments e WHERE e.course_id = c.id AND e.account_id = ${viewerId}) AS enrolled,
              EXISTS (SELECT 1 FROM community_memberships mm WHERE mm.account_id = ${viewerId} AND mm.role = 'MANAGER') AS manages
         FROM training_courses c WHERE c.id = ANY(${q.p(ids)}::uuid[])`,
      q.values,
    );
    if (rows.length === 0) return new Map();
    const courses = await manager.find(CourseEntity, { where: { id: In(rows.map((r) => r.id)) } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return new Map(
      courses.map((course) => {
        const r = byId.get(course.id) as (typeof rows)[number];
        const facts: CourseFacts = { state: course.state, audiences: course.audiences, inTargetGroup: r.in_target, enrolled: r.enrolled };
        return [course.id, { course, facts, managesCommunity: r.manages }];
      }),
    );
  }

  /**
   * The catalogue page: published courses the viewer may find (their audience and target group)
   * or is enrolled in; everything (optionally of one state) for the programme team.
   */
  async catalogue(viewer: Viewer, all: boolean, state: CourseState | null, first: number, after: KeysetPosition | undefined): Promise<CourseEntity[]> {
    const q = new Params();
    const where: string[] = [];
    if (all) {
      if (state) where.push(`c.state = ${q.p(state)}`);
    } else {
      const viewerId = q.p(viewer.accountId);
      where.push(`c.state = 'PUBLISHED'`);
      where.push(`((${q.p(viewer.audience === Audience.Employee)} OR CAST(${q.p(viewer.audience)} AS audience) = ANY(c.audiences)) AND ${inTargetSql(viewerId)}
        OR EXISTS (SELECT 1 FROM training_enrolments e WHERE e.course_id = c.id AND e.account_id = ${viewerId}))`);
    }
    if (after) where.push(`(c.sort_title, c.id) > (${q.p(String(after[0]))}, ${q.p(after[1])}::uuid)`);
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id FROM training_courses c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.sort_title, c.id LIMIT ${first + 1}`,
      q.values,
    );
    if (ids.length === 0) return [];
    const courses = await this.dataSource.manager.find(CourseEntity, { where: { id: In(ids.map((r) => r.id)) } });
    const byId = new Map(courses.map((c) => [c.id, c]));
    return ids.map((r) => byId.get(r.id)).filter((c): c is CourseEntity => c !== undefined);
  }

  async lessons(courseIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<LessonEntity[]> {
    return courseIds.length === 0 ? [] : manager.find(LessonEntity, { where: { courseId: In([...courseIds]) }, order: { position: 'ASC' } });
  }

  async questions(courseIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<QuizQuestionEntity[]> {
    return courseIds.length === 0 ? [] : manager.find(QuizQuestionEntity, { where: { courseId: In([...courseIds]) }, order: { position: 'ASC' } });
  }

  /** One account's enrolments in these courses, with progress. */
  async enrolmentsOf(accountId: string, courseIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<EnrolmentRow[]> {
    if (courseIds.length === 0) return [];
    return manager.query(`SELECT ${ENROLMENT_COLUMNS} FROM training_enrolments e WHERE e.account_id = $1 AND e.course_id = ANY($2::uuid[])`, [accountId, courseIds]);
  }

  /** The viewer's learning, newest enrolment first. */
  async myLearning(accountId: string, includeCompleted: boolean, first: number, after: KeysetPosition | undefined): Promise<EnrolmentRow[]> {
    const q = new Params();
    const where = [`e.account_id = ${q.p(accountId)}`, `c.state <> 'DRAFT'`];
    if (!includeCompleted) where.push('e.completed_at IS NULL');
    if (after) where.push(`(e.enrolled_at, e.id) < (${q.p(String(after[0]))}::timestamptz, ${q.p(after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${ENROLMENT_COLUMNS} FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id
        WHERE ${where.join(' AND ')} ORDER BY e.enrolled_at DESC, e.id DESC LIMIT ${first + 1}`,
      q.values,
    );
  }

  /**
   * Enrols (or re-assigns) the accounts named, in the cohort and in the department, that the
   * course's audiences serve and, for a community's manager, that belong to the community.
   * Completed enrolments are left alone. One statement; returns how many were targeted and
   * which accounts were newly enrolled or updated.
   */
  async assign(
    manager: EntityManager,
    a: {
      courseId: string;
      audiences: AudienceValue[];
      accountIds: string[];
      cohortId: string | null;
      department: string | null;
      communityId: string | null;
      dueAt: Date | null;
      assignedById: string;
      now: Date;
    },
  ): Promise<{ targeted: number; written: Array<{ accountId: string; inserted: boolean }> }> {
    const q = new Params();
    const communityId = q.p(a.communityId);
    const [row]: Array<{ targeted: number; written: Array<{ accountId: string; inserted: boolean }> | null }> = await manager.query(
      `WITH targets AS (
         SELECT t.id, t.audience FROM accounts t
          WHERE t.suspended_at IS NULL
            AND (t.id = ANY(${q.p(a.accountIds)}::uuid[])
              OR t.id IN (SELECT cm.account_id FROM cohort_members cm WHERE cm.cohort_id = ${q.p(a.cohortId)}::uuid)
              OR (${q.p(a.department)}::text IS NOT NULL AND lower(t.department) = lower(${q.p(a.department)}::text)))
       ), eligible AS (
         SELECT t.id FROM targets t
          WHERE (t.audience = 'EMPLOYEE' OR t.audience = ANY(${q.p(a.audiences)}::audience[]))
            AND (${communityId}::uuid IS NULL OR EXISTS (SELECT 1 FROM community_memberships m WHERE m.community_id = ${communityId}::uuid AND m.account_id = t.id))
       ), written AS (
         INSERT INTO training_enrolments (id, course_id, account_id, enrolled_at, assigned_by_id, assigned_at, assigned_community_id, due_at)
         SELECT gen_random_uuid(), ${q.p(a.courseId)}, el.id, ${q.p(a.now)}, ${q.p(a.assignedById)}, ${q.p(a.now)}, ${communityId}::uuid, ${q.p(a.dueAt)}::timestamptz FROM eligible el
         ON CONFLICT (course_id, account_id) DO UPDATE
            SET assigned_by_id = EXCLUDED.assigned_by_id, assigned_at = EXCLUDED.assigned_at,
                assigned_community_id = EXCLUDED.assigned_community_id, due_at = EXCLUDED.due_at, reminded_at = NULL
          WHERE training_enrolments.completed_at IS NULL
         RETURNING account_id, (xmax = 0) AS inserted
       )
       SELECT (SELECT count(*) FROM targets)::int AS targeted,
              (SELECT json_agg(json_build_object('accountId', w.account_id, 'inserted', w.inserted)) FROM written w) AS written`,
      q.values,
    );
    return { targeted: row?.targeted ?? 0, written: row?.written ?? [] };
  }

  /** Marks the enrolment completed when every current lesson is done and the quiz (if any) passed; true when it just completed. */
  async completeIfDone(manager: EntityManager, enrolmentId: string, now: Date): Promise<boolean> {
    // As a SELECT over the UPDATE, so the driver answers with the rows themselves.
    const rows: Array<{ id: string }> = await manager.query(
      `WITH completed AS (UPDATE training_enrolments e SET completed_at = $2
        WHERE e.id = $1 AND e.completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM training_lessons l WHERE l.course_id = e.course_id
                           AND NOT EXISTS (SELECT 1 FROM training_lesson_progress p WHERE p.enrolment_id = e.id AND p.lesson_id = l.id))
          AND (NOT EXISTS (SELECT 1 FROM training_quiz_questions qq WHERE qq.course_id = e.course_id)
               OR EXISTS (SELECT 1 FROM training_quiz_attempts qa WHERE qa.enrolment_id = e.id AND qa.passed))
        RETURNING e.id) SELECT id FROM completed`,
      [enrolmentId, now],
    );
    return rows.length > 0;
  }

  private scoped(scope: ReportScope, q: Params): string {
    const where: string[] = [];
    if (scope.courseId) where.push(`e.course_id = ${q.p(scope.courseId)}::uuid`);
    if (scope.communityId) where.push(`EXISTS (SELECT 1 FROM community_memberships sm WHERE sm.community_id = ${q.p(scope.communityId)}::uuid AND sm.account_id = e.account_id)`);
    return `scoped AS (
      SELECT e.id, e.course_id, e.account_id, e.enrolled_at, e.completed_at,
             (e.completed_at IS NULL AND e.due_at IS NOT NULL AND e.due_at < ${q.p(scope.now)}) AS overdue
        FROM training_enrolments e JOIN training_courses sc ON sc.id = e.course_id AND sc.state <> 'DRAFT'
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`;
  }

  /** Everything in scope, and the median hours from enrolment to completion. */
  async total(scope: ReportScope): Promise<CompletionRow & { medianHours: number | null }> {
    const q = new Params();
    const [row]: Array<CompletionRow & { medianHours: number | null }> = await this.dataSource.query(
      `WITH ${this.scoped(scope, q)}
       SELECT NULL AS id, 'All' AS label, count(*)::int AS enrolled, count(s.completed_at)::int AS completed,
              count(*) FILTER (WHERE s.overdue)::int AS overdue,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.completed_at - s.enrolled_at))
                 FILTER (WHERE s.completed_at IS NOT NULL) / 3600)::float8 AS "medianHours"
         FROM scoped s`,
      q.values,
    );
    return row as CompletionRow & { medianHours: number | null };
  }

  /** Completion grouped by course, cohort, department or community (the 100 largest groups). */
  async grouped(scope: ReportScope, by: 'course' | 'cohort' | 'department' | 'community'): Promise<CompletionRow[]> {
    const q = new Params();
    const scoped = this.scoped(scope, q);
    const groups: Record<typeof by, () => { id: string; label: string; join: string; groupBy?: string }> = {
      course: () => ({ id: 'g.id', label: 'g.title', join: 'JOIN training_courses g ON g.id = s.course_id' }),
      cohort: () => ({ id: 'g.id', label: 'g.name', join: 'JOIN cohort_members gm ON gm.account_id = s.account_id JOIN cohorts g ON g.id = gm.cohort_id' }),
      // Departments are typed by people: one group whatever their spelling's case.
      department: () => ({ id: 'NULL::uuid', label: `coalesce(nullif(min(g.department), ''), '(no department)')`, join: 'JOIN accounts g ON g.id = s.account_id', groupBy: `lower(coalesce(g.department, ''))` }),
      community: () => ({
        id: 'g.id',
        label: 'g.name',
        join: `JOIN community_memberships gm ON gm.account_id = s.account_id${scope.communityId ? ` AND gm.community_id = ${q.p(scope.communityId)}::uuid` : ''} JOIN communities g ON g.id = gm.community_id`,
      }),
    };
    const group = groups[by]();
    return this.dataSource.query(
      `WITH ${scoped}
       SELECT ${group.id} AS id, ${group.label} AS label, count(*)::int AS enrolled, count(s.completed_at)::int AS completed,
              count(*) FILTER (WHERE s.overdue)::int AS overdue
         FROM scoped s ${group.join}
        GROUP BY ${group.groupBy ?? '1, 2'} ORDER BY enrolled DESC, label LIMIT 100`,
      q.values,
    );
  }

  /** Unfinished enrolments past their due date, earliest due first. */
  async overdue(scope: ReportScope, first: number, after: KeysetPosition | undefined): Promise<{ rows: OverdueRow[]; total: number }> {
    const q = new Params();
    const where = ['e.completed_at IS NULL', 'e.due_at IS NOT NULL', `e.due_at < ${q.p(scope.now)}`, `c.state <> 'DRAFT'`];
    if (scope.courseId) where.push(`e.course_id = ${q.p(scope.courseId)}::uuid`);
    if (scope.communityId) where.push(`EXISTS (SELECT 1 FROM community_memberships sm WHERE sm.community_id = ${q.p(scope.communityId)}::uuid AND sm.account_id = e.account_id)`);
    const countValues = [...q.values];
    const countSql = `SELECT count(*)::int AS total FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id WHERE ${where.join(' AND ')}`;
    if (after) where.push(`(e.due_at, e.id) > (${q.p(String(after[0]))}::timestamptz, ${q.p(after[1])}::uuid)`);
    const rows: OverdueRow[] = await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", e.course_id AS "courseId", c.title AS "courseTitle", e.account_id AS "accountId",
              a.display_name AS "learnerName", a.department, e.due_at AS "dueAt",
              (SELECT count(*) FROM training_lesson_progress p JOIN training_lessons l ON l.id = p.lesson_id WHERE p.enrolment_id = e.id)::int AS "lessonsDone",
              (SELECT count(*) FROM training_lessons l WHERE l.course_id = e.course_id)::int AS "lessonCount"
         FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id JOIN accounts a ON a.id = e.account_id
        WHERE ${where.join(' AND ')} ORDER BY e.due_at, e.id LIMIT ${first + 1}`,
      q.values,
    );
    const [count]: Array<{ total: number }> = await this.dataSource.query(countSql, countValues);
    return { rows, total: count?.total ?? 0 };
  }
}
