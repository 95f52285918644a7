/** Where a guideline's screens live in the web client (the API names the same page in rejections). */
export const guidelinePath = (key: string) => `/knowledge/guidelines/${encodeURIComponent(key)}`;
