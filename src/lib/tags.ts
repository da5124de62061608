/**
 * Report tags as pages: `/tags/<slug>/`. A tag is written freely in
 * frontmatter ("Cost & pricing"); its slug keeps letters and digits only.
 */

/** The URL segment of a tag: `Cost & Pricing` → `cost-pricing`, `Zürich` → `zurich`. */
export function tagSlug(tag: string): string {
  return (
    tag
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'tag'
  );
}

/** The page of a tag. */
export function tagPath(tag: string): string {
  return `/tags/${tagSlug(tag)}/`;
}

/**
 * Groups reports by tag slug, keeping the first spelling of each tag and the reports' order.
 * @param reports Reports with their tags.
 */
export function groupByTag<T extends { data: { tags: readonly string[] } }>(
  reports: readonly T[],
): { slug: string; tag: string; reports: T[] }[] {
  const groups = new Map<string, { slug: string; tag: string; reports: T[] }>();
  for (const report of reports) {
    for (const tag of new Set(report.data.tags)) {
      const slug = tagSlug(tag);
      const group = groups.get(slug) ?? { slug, tag, reports: [] };
      if (!group.reports.includes(report)) group.reports.push(report);
      groups.set(slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.tag.localeCompare(b.tag));
}
