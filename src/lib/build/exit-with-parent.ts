/**
 * Preloaded into the Astro process that `npm run build` starts
 * (`node --import …/exit-with-parent.ts astro.mjs build`): if the build is
 * killed outright (SIGKILL, which it cannot catch), Astro stops too instead of
 * going on writing pages no one will use.
 */
import { watchParent } from './watch-parent.ts';

// The build passes its id: if it died before this ran, process.ppid would already name the new parent.
const parent = Number(process.env.TRENDBOOK_BUILD_PID);
watchParent(() => process.kill(process.pid, 'SIGKILL'), parent > 0 ? { parent } : {});
