/**
 * Which reports a build publishes, and in what order: newest first, drafts only
 * in development (docs/authoring.md, "Reports").
 */

/** The fields ordering and filtering need. */
export interface ReportSummary {
  id: string;
  data: { date: Date; draft: boolean; title: string };
}

/**
 * Sorts reports newest first (then by title) and drops drafts unless asked.
 * @param reports All reports.
 * @param includeDrafts Keep drafts (true in `astro dev`) (default: `false`).
 */
export function publishedReports<T extends ReportSummary>(reports: readonly T[], includeDrafts = false): T[] {
  return reports
    .filter((report) => includeDrafts || !report.data.draft)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title));
}

/**
 * Formats a report date for reading, in UTC so a build never shifts a day.
 * @param date The date.
 * @param locale BCP 47 locale.
 */
export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
