/**
 * The environment Astro's CLI runs in for this project, whoever runs it: no update check (the
 * upgrade prompt `astro dev` prints) and no telemetry. Astro's own `astro telemetry disable` and
 * `astro preferences` keep their settings per user or in the untracked `.astro/` folder, so they
 * cannot hold for the next person; these variables are Astro's documented switches for both.
 */
export const QUIET_ASTRO_ENV = {
  ASTRO_TELEMETRY_DISABLED: '1',
  ASTRO_DISABLE_UPDATE_CHECK: 'true',
} as const;
