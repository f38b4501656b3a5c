import type { Severity } from '../verdict/types.ts';

/** The runbook items the suite verifies (DESIGN.md table). Ids, titles and severities live only here. */
export interface CatalogEntry {
  id: string;
  title: string;
  severity: Severity;
  /** Where the evidence comes from. */
  kind: 'api' | 'browser' | 'load' | 'watch';
}

export const CATALOG: readonly CatalogEntry[] = [
  { id: 'RB-01', title: 'health endpoint', severity: 'critical', kind: 'api' },
  { id: 'RB-02', title: 'API docs and OpenAPI', severity: 'minor', kind: 'api' },
  { id: 'RB-03', title: 'frontend and its assets', severity: 'critical', kind: 'api' },
  { id: 'RB-04', title: 'API authentication', severity: 'critical', kind: 'api' },
  { id: 'RB-05', title: 'database connection', severity: 'critical', kind: 'api' },
  { id: 'RB-06', title: 'production configuration (debug, CORS, security headers)', severity: 'major', kind: 'api' },
  { id: 'RB-07', title: 'dashboard login', severity: 'critical', kind: 'browser' },
  { id: 'RB-08', title: 'project wizard', severity: 'major', kind: 'browser' },
  { id: 'RB-09', title: 'generate 30 posts', severity: 'major', kind: 'browser' },
  { id: 'RB-10', title: 'review content and QA flags', severity: 'major', kind: 'browser' },
  { id: 'RB-11', title: 'export and download the DOCX deliverable', severity: 'major', kind: 'browser' },
  { id: 'RB-12', title: 'dashboard page load', severity: 'minor', kind: 'browser' },
  { id: 'RB-13', title: 'no unexpected errors', severity: 'major', kind: 'browser' },
  { id: 'RB-14', title: 'API latency under load (p95)', severity: 'major', kind: 'load' },
  { id: 'RB-15', title: 'error rate under load', severity: 'critical', kind: 'load' },
  { id: 'RB-16', title: 'database query latency (p95)', severity: 'minor', kind: 'load' },
  { id: 'RB-17', title: 'watch window after the traffic switch', severity: 'critical', kind: 'watch' },
];

export function catalogEntry(id: string): CatalogEntry {
  const entry = CATALOG.find((e) => e.id === id);
  if (!entry) throw new Error(`unknown check id ${id}`);
  return entry;
}
