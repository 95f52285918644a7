import { toCsv } from './csv';

/** Objectives with their status, one row each (the steering overview's table). */
export function objectivesCsv(
  communities: ReadonlyArray<{
    name: string;
    lifecycle: string;
    objectives: ReadonlyArray<{ title: string; metricKey: string; baseline: number; target: number; dueDate: string; status: { status: string; current: number | null; projected: number | null } | null }>;
  }>,
): string {
  return toCsv(
    ['community', 'lifecycle', 'objective', 'metric', 'baseline', 'target', 'due', 'current', 'projected', 'status'],
    communities.flatMap((c) =>
      c.objectives.map((o) => [c.name, c.lifecycle, o.title, o.metricKey, o.baseline, o.target, o.dueDate, o.status?.current, o.status?.projected, o.status?.status ?? 'UNKNOWN']),
    ),
  );
}

/** A group against the others, one row per measure; hidden values empty. */
export function comparisonCsv(comparison: {
  from: string;
  to: string;
  group: { label: string; people: number | null; suppressed: boolean };
  others: { label: string; people: number | null; suppressed: boolean };
  measures: ReadonlyArray<{ key: string; name: string; unit: string; group: number | null; others: number | null; difference: number | null; relativeDifference: number | null }>;
}): string {
  const suppressed = comparison.group.suppressed || comparison.others.suppressed;
  return toCsv(
    ['measure', 'measure_name', 'unit', 'from', 'to', 'group', 'group_people', 'group_value', 'others', 'others_people', 'others_value', 'difference', 'relative_difference', 'suppressed'],
    comparison.measures.map((m) => [
      m.key,
      m.name,
      m.unit,
      comparison.from,
      comparison.to,
      comparison.group.label,
      comparison.group.people,
      m.group,
      comparison.others.label,
      comparison.others.people,
      m.others,
      m.difference,
      m.relativeDifference,
      suppressed,
    ]),
  );
}

/** Trending topics with their weekly mentions (one column per week, oldest first). */
export function topicsCsv(
  trending: { asOf: string; weekStarts: readonly string[]; topics: ReadonlyArray<{ topic: string; kind: string; count: number; people: number; baseline: number; ratio: number | null; score: number; spark: readonly number[] }> },
): string {
  return toCsv(
    ['topic', 'kind', 'as_of', 'mentions', 'people', 'baseline', 'ratio', 'score', ...trending.weekStarts.map((w) => `week_of_${w}`)],
    trending.topics.map((t) => [t.topic, t.kind, trending.asOf, t.count, t.people, t.baseline, t.ratio, t.score, ...t.spark]),
  );
}

/** The idea funnel, one row per stage; hidden counts empty. */
export function funnelCsv(funnel: {
  from: string;
  to: string;
  suppressed: boolean;
  stages: ReadonlyArray<{ status: string; count: number | null; reached: number | null; shareOfIdeas: number | null; conversion: number | null }>;
}): string {
  return toCsv(
    ['stage', 'from', 'to', 'now_in_stage', 'reached', 'share_of_ideas', 'conversion', 'suppressed'],
    funnel.stages.map((s) => [s.status, funnel.from, funnel.to, s.count, s.reached, s.shareOfIdeas, s.conversion, funnel.suppressed]),
  );
}

/** Moderation decisions by rule. */
export function rulesCsv(from: string, to: string, rows: ReadonlyArray<{ ruleId: string | null; label: string | null; action: string; count: number }>): string {
  return toCsv(
    ['rule_id', 'rule', 'action', 'from', 'to', 'posts'],
    rows.map((r) => [r.ruleId, r.label, r.action, from, to, r.count]),
  );
}

/** Retention by join month: one row per month and week after joining. */
export function retentionCsv(retention: {
  label: string;
  cohorts: ReadonlyArray<{ month: string; people: number | null; suppressed: boolean; weeks: ReadonlyArray<{ week: number; share: number | null }> }>;
}): string {
  return toCsv(
    ['slice', 'join_month', 'people', 'week', 'active_share', 'suppressed'],
    retention.cohorts.flatMap((c) => c.weeks.map((w) => [retention.label, c.month, c.people, w.week, c.suppressed ? null : w.share, c.suppressed])),
  );
}
