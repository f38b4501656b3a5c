import { isAbsolute, join, relative } from 'node:path';

/**
 * Where the gate and the Playwright checks meet: files in the private auth dir (session, hand-off,
 * flow state; never uploaded) and reports in the out dir (uploaded by CI). Both sides derive every
 * path from here, so neither spells a file name of the other.
 */
export interface ChecksPaths {
  outDir: string;
  authDir: string;
  /** The config hand-off document the gate writes for this run (no secret in it). */
  handoff: string;
  /** Playwright storage state: localStorage `access_token` + `user` of the target origin. */
  storageState: string;
  /** `{access_token}` for the gate's load phase and its own clean-up (0600). */
  token: string;
  /** Outcome of the setup login, without any token: RB-04's evidence and the browser checks' prerequisite. */
  login: string;
  /** Shared state of the browser flow RB-08 → RB-13; lists the projects the run created. */
  flow: string;
  junit: string;
  htmlReport: string;
  testResults: string;
  checksJson: string;
  /** Written by global teardown (project deletion), merged into checks.json by the reporter. */
  cleanup: string;
}

/** The report files and folders the checks write in the out dir (cleared before a run). */
export const CHECKS_OUTPUTS = ['checks.json', 'checks-junit.xml', 'checks-cleanup.json', 'playwright-report', 'test-results'] as const;

/** Pure: every path of one run, from two absolute directories. */
export function checksPaths(outDir: string, authDir: string): ChecksPaths {
  return {
    outDir,
    authDir,
    handoff: join(authDir, 'checks-run.json'),
    storageState: join(authDir, 'storage-state.json'),
    token: join(authDir, 'token.json'),
    login: join(authDir, 'login.json'),
    flow: join(authDir, 'flow.json'),
    junit: join(outDir, 'checks-junit.xml'),
    htmlReport: join(outDir, 'playwright-report'),
    testResults: join(outDir, 'test-results'),
    checksJson: join(outDir, 'checks.json'),
    cleanup: join(outDir, 'checks-cleanup.json'),
  };
}

/** True when `child` is `parent` or lies below it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
