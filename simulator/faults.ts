import type { Verdict } from '../lib/verdict/types.ts';

/** One injectable fault: what it breaks, which runbook checks must fail on it, and the verdict it must cause. */
export interface FaultSpec {
  breaks: string;
  /** RB ids that must FAIL when this fault is active (the fault matrix asserts it). */
  catches: readonly string[];
  verdict: Verdict;
}

/**
 * The one table of faults. simulator/README.md repeats it as Markdown (a test keeps them in sync).
 * Other engineers rely on these exact semantics: change them only together with the fault matrix.
 */
export const FAULTS = {
  'slow-api': { breaks: 'every /api/* response delayed by slowApiMs', catches: ['RB-14', 'RB-16'], verdict: 'hold' },
  stall: {
    breaks: 'every request (not /__sim) arriving in the first stallMs of each stallPeriodMs wall-clock window is held until that stall ends',
    catches: ['RB-14', 'RB-16'],
    verdict: 'hold',
  },
  '5xx-burst': {
    breaks: 'after the first burstAfter requests per route template, a deterministic burstFraction of /health and /api/* responses answer 500/503 (alternating)',
    catches: ['RB-15'],
    verdict: 'rollback',
  },
  'health-down': { breaks: '/health answers 503', catches: ['RB-01'], verdict: 'rollback' },
  'db-down': { breaks: '/api/health/db answers 503 {"database":"disconnected",…} (store query fails)', catches: ['RB-05'], verdict: 'rollback' },
  'login-broken': { breaks: 'POST /api/auth/login answers 500 (global-handler body)', catches: ['RB-04', 'RB-07'], verdict: 'rollback' },
  'docs-down': { breaks: '/docs, /redoc and /openapi.json answer 404 {"detail":"Not Found"} (docs disabled)', catches: ['RB-02'], verdict: 'promote' },
  'project-create-fails': { breaks: 'POST /api/projects/ answers 500 (global-handler body): the wizard cannot create the project', catches: ['RB-08'], verdict: 'hold' },
  'auth-open': { breaks: 'protected routes accept requests without a token (as the seeded user)', catches: ['RB-04'], verdict: 'rollback' },
  'wrong-version': { breaks: '/health reports version "0.0.0-wrong"', catches: ['RB-01'], verdict: 'rollback' },
  'debug-on': { breaks: 'debug mode: /health debug_mode true, permissive CORS (echo origin + credentials), no HSTS', catches: ['RB-01', 'RB-06'], verdict: 'rollback' },
  'cors-wildcard': { breaks: 'CORS answers any origin (ACAO echoes it, with credentials), preflight allowed', catches: ['RB-06'], verdict: 'hold' },
  'no-security-headers': { breaks: 'CSP, X-Content-Type-Options, X-Frame-Options and HSTS omitted', catches: ['RB-06'], verdict: 'hold' },
  'asset-missing': { breaks: 'the stylesheet referenced by index.html answers SPA-fallback 200 text/html', catches: ['RB-03'], verdict: 'rollback' },
  'frontend-down': { breaks: '/, deep links and assets answer 404 {"detail":"Not Found"} (no dist)', catches: ['RB-03', 'RB-07'], verdict: 'rollback' },
  'slow-generation': { breaks: 'generation takes slowGenerationSeconds', catches: ['RB-09'], verdict: 'hold' },
  'generation-fails': {
    breaks: 'the run ends failed with errorMessage "Template-based generation failed (APIError): simulated LLM outage"',
    catches: ['RB-09'],
    verdict: 'hold',
  },
  'wrong-post-count': { breaks: '3 fewer posts than requested are created', catches: ['RB-09'], verdict: 'hold' },
  'qa-flags-missing': { breaks: 'the dashboard hides flag badges and the "Flagged: N" chip (UI fault via the sim-faults meta tag)', catches: ['RB-10'], verdict: 'hold' },
  'docx-corrupt': { breaks: 'the downloaded file is not a valid zip (truncated bytes) with the DOCX content type', catches: ['RB-11'], verdict: 'hold' },
  'download-broken': { breaks: 'download answers 404 {"detail":"File not found: <path>"} (the real HEAD bug)', catches: ['RB-11'], verdict: 'hold' },
  'console-error': { breaks: 'the dashboard logs a console error and throws an uncaught error on load (UI fault via the sim-faults meta tag)', catches: ['RB-13'], verdict: 'hold' },
  // A minor check: the verdict stays promote, the check itself fails once thresholds are shrunk below slowPageMs.
  'slow-page': { breaks: 'index.html and /assets/* delayed by slowPageMs', catches: ['RB-12'], verdict: 'promote' },
} as const satisfies Record<string, FaultSpec>;

export type FaultName = keyof typeof FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** Splits "a,b" lists, trims, drops empties and duplicates; returns the unknown names separately. */
export function parseFaultNames(input: readonly string[]): { faults: FaultName[]; unknown: string[] } {
  const faults: FaultName[] = [];
  const unknown: string[] = [];
  for (const raw of input.flatMap((s) => s.split(','))) {
    const name = raw.trim();
    if (name === '') continue;
    if (!isFaultName(name)) unknown.push(name);
    else if (!faults.includes(name)) faults.push(name);
  }
  return { faults, unknown };
}

/** Message naming every unknown fault and the valid ones. */
export function unknownFaultMessage(unknown: readonly string[]): string {
  return `unknown fault${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${FAULT_NAMES.join(', ')})`;
}
