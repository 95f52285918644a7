import { COMMUNITY_SLUG_PATTERN, normalizeTag, slugFromName } from './community';

describe('slugFromName', () => {
  it.each([
    ['Customer Success Hub!', 'customer-success-hub'],
    ['  Café  Société ', 'cafe-societe'],
    ['R&D -- Labs', 'r-d-labs'],
    ['***', ''],
  ])('%p → %p', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    if (slug) expect(slug).toMatch(COMMUNITY_SLUG_PATTERN);
  });

  it('stays within the slug length without a trailing hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(59)} b`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('normalizeTag', () => {
  it.each([
    ['#Onboarding', 'onboarding'],
    ['Café  Ops', 'café-ops'],
    ['ÄRGER!!', 'ärger'],
    ['日本語 タグ', '日本語-タグ'],
    ['###', ''],
  ])('%p → %p', (raw, tag) => expect(normalizeTag(raw)).toBe(tag));
});
