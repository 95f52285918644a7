import type { AuditLogFilter } from '@commons/web-data-access';

/** The audit log's filters as typed: ids, an action, and calendar days in the reader's time zone. */
export interface AuditFilters {
  actorId: string;
  action: string;
  targetId: string;
  /** yyyy-mm-dd, from the date input. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actorId: '', action: '', targetId: '', from: '', to: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The filters' problems, checked like the server checks them. */
export function checkAuditFilters(filters: AuditFilters): Partial<Record<keyof AuditFilters, string>> {
  const problems: Partial<Record<keyof AuditFilters, string>> = {};
  if (filters.actorId.trim() && !UUID.test(filters.actorId.trim())) problems.actorId = 'Not a valid account id.';
  if (filters.targetId.trim() && !UUID.test(filters.targetId.trim())) problems.targetId = 'Not a valid id.';
  if (filters.action.trim().length > 64) problems.action = 'Up to 64 characters.';
  if (filters.from && !DAY.test(filters.from)) problems.from = 'Not a date.';
  if (filters.to && !DAY.test(filters.to)) problems.to = 'Not a date.';
  if (!problems.from && !problems.to && filters.from && filters.to && filters.from > filters.to) problems.to = 'The end comes before the start.';
  return problems;
}

/** A local calendar day's start (or its end, the next day's start) as an instant. */
function dayBoundary(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + (end ? 1 : 0)).toISOString();
}

/** What the API reads: empty filters left out, days as the instants that bound them (the end day included). */
export function auditFilter(filters: AuditFilters, communityId: string | null): AuditLogFilter {
  return {
    communityId,
    actorId: filters.actorId.trim() || null,
    action: filters.action.trim() || null,
    targetId: filters.targetId.trim() || null,
    from: filters.from ? dayBoundary(filters.from, false) : null,
    to: filters.to ? dayBoundary(filters.to, true) : null,
  };
}
