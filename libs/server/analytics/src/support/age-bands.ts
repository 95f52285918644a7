/** How long an open question has waited, in bands of minutes [from, to). */
export const AGE_BANDS = [
  { band: 'UNDER_1_HOUR', label: '< 1 h', from: 0, to: 60 },
  { band: 'HOURS_1_TO_4', label: '1–4 h', from: 60, to: 240 },
  { band: 'HOURS_4_TO_24', label: '4–24 h', from: 240, to: 1_440 },
  { band: 'DAYS_1_TO_3', label: '1–3 d', from: 1_440, to: 4_320 },
  { band: 'OVER_3_DAYS', label: '> 3 d', from: 4_320, to: null },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['band'];
