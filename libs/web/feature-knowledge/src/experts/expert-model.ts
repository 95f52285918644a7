import { normalizeTag } from '@commons/shared-contracts';

/** Where an accepted answer lives: its thread's page in the community's forum. */
export function threadPath(communitySlug: string, threadId: string): string {
  return `/communities/${encodeURIComponent(communitySlug)}/forum/threads/${threadId}`;
}

/** The find-an-expert page for a topic (a declared tag links there). */
export function expertsPath(topic: string): string {
  return `/knowledge/experts?topic=${encodeURIComponent(topic)}`;
}

/** What the ranking is made of, in words: "Declared · 2 accepted answers · 1 helpful reaction". */
export function evidenceSummary(expert: { matchedTags: readonly string[]; acceptedAnswers: number; helpfulReactions: number }): string {
  const parts: string[] = [];
  if (expert.matchedTags.length > 0) parts.push('Declared expertise');
  if (expert.acceptedAnswers > 0) parts.push(`${expert.acceptedAnswers} accepted ${expert.acceptedAnswers === 1 ? 'answer' : 'answers'}`);
  if (expert.helpfulReactions > 0) parts.push(`${expert.helpfulReactions} helpful ${expert.helpfulReactions === 1 ? 'reaction' : 'reactions'}`);
  return parts.join(' · ');
}

/** A declared tag matches the topic the way the server matches it: exactly, as a word of it, or from the start. */
export function matchesTopic(tag: string, topic: string): boolean {
  const whole = normalizeTag(topic);
  const words = topic.split(/[\s,;/]+/u).map(normalizeTag);
  return tag === whole || words.includes(tag) || (whole.length >= 2 && tag.startsWith(whole));
}

/** A date input's value ("2026-03-01") as the start of that day in the reader's time zone, for the API. */
export function dayToIso(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number);
  const moment = new Date(y, m - 1, d);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/** Whether the viewer runs the programme (names champions): the CoE and admins. */
export const isProgrammeTeam = (role: string | undefined): boolean => role === 'COE' || role === 'ADMIN';
