import { CATALOG } from '../../lib/runbook/catalog.ts';
import type { Mode } from '../../lib/config/index.ts';

/** What a mode runs (DESIGN.md: post-deploy = everything; nightly = cheap and non-destructive; investigate = load only). */
export interface ModePlan {
  mode: Mode;
  /** Spawn the Playwright checks. */
  runChecks: boolean;
  /** Ids the checks must report (missing = error). */
  checkIds: string[];
  /** Load profile to run when none is given. */
  defaultProfile: string;
}

const CHECK_IDS = CATALOG.filter((e) => e.kind === 'api' || e.kind === 'browser').map((e) => e.id);

export function planFor(mode: Mode): ModePlan {
  switch (mode) {
    case 'post-deploy':
      return { mode, runChecks: true, checkIds: CHECK_IDS, defaultProfile: 'post-deploy' };
    case 'nightly':
      return { mode, runChecks: true, checkIds: CHECK_IDS, defaultProfile: 'nightly' };
    case 'investigate':
      return { mode, runChecks: false, checkIds: [], defaultProfile: 'smoke' };
  }
}
