import { dayToIso, evidenceSummary, expertsPath, isProgrammeTeam, matchesTopic, threadPath } from './expert-model';

describe('expert model', () => {
  it('links answers to their threads and tags to a search', () => {
    expect(threadPath('platform-help', 't1')).toBe('/communities/platform-help/forum/threads/t1');
    expect(expertsPath('api keys')).toBe('/knowledge/experts?topic=api%20keys');
  });

  it('says what a ranking is made of', () => {
    expect(evidenceSummary({ matchedTags: ['security'], acceptedAnswers: 2, helpfulReactions: 1 })).toBe('Declared expertise · 2 accepted answers · 1 helpful reaction');
    expect(evidenceSummary({ matchedTags: [], acceptedAnswers: 1, helpfulReactions: 0 })).toBe('1 accepted answer');
  });

  it('matches declared tags like the server: exactly, by word, or from the start', () => {
    expect(matchesTopic('security', '#Security')).toBe(true);
    expect(matchesTopic('api', 'API scanning')).toBe(true);
    expect(matchesTopic('security', 'secur')).toBe(true);
    expect(matchesTopic('security', 'api')).toBe(false);
  });

  it('reads date inputs and roles', () => {
    expect(dayToIso('2026-03-01')).toBe(new Date(2026, 2, 1).toISOString());
    expect(dayToIso('')).toBeNull();
    expect(isProgrammeTeam('COE')).toBe(true);
    expect(isProgrammeTeam('MEMBER')).toBe(false);
  });
});
