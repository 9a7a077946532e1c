/** How the triage queue can be ordered: most severe (exploited first within a severity), oldest, newest, most reported, exploited first. */
export const REPORT_SORTS = ['severity', 'age', 'newest', 'findings', 'exploited'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
