import { funnel } from './idea-funnel';

describe('ideas funnel', () => {
  it('counts how far ideas got and the conversion from stage to stage', () => {
    expect(funnel({ NEW: 4, UNDER_REVIEW: 2, PLANNED: 1, DONE: 1 })).toEqual([
      { status: 'NEW', count: 4, reached: 8, shareOfIdeas: 1, conversion: null },
      { status: 'UNDER_REVIEW', count: 2, reached: 4, shareOfIdeas: 0.5, conversion: 0.5 },
      { status: 'PLANNED', count: 1, reached: 2, shareOfIdeas: 0.25, conversion: 0.5 },
      { status: 'DONE', count: 1, reached: 1, shareOfIdeas: 0.125, conversion: 0.5 },
    ]);
  });

  it('has no shares without ideas', () => {
    expect(funnel({ NEW: 0, UNDER_REVIEW: 0, PLANNED: 0, DONE: 0 }).map((s) => [s.shareOfIdeas, s.conversion])).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});
