import type { VerdictDocument } from './document.ts';

/** "v1.4.2" stays, "1.4.2" becomes "v1.4.2". */
function versionLabel(version: string | null): string {
  if (!version) return '(version unknown)';
  return /^v/i.test(version) ? version : `v${version}`;
}

/** "2026-01-09 14:03 UTC" */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * Pure: the runbook's stakeholder notice ("Rollback Procedures" step 5), filled in and ready to paste.
 * `reasons` come from the decision; only the failed checks that triggered the rollback are named.
 */
export function renderRollbackNotice(doc: Pick<VerdictDocument, 'version' | 'reasons' | 'finishedAt' | 'target'>): string {
  // A chat message, not a log: each reason cut to a readable length (summary.md has them in full).
  const short = doc.reasons.map((r) => (r.length > 200 ? `${r.slice(0, 197)}...` : r));
  const why = short.length > 0 ? short.join('; ') : 'a failed rollback trigger';
  return (
    `🚨 ROLLBACK: Deployment ${versionLabel(doc.version)} rolled back due to ${why}.\n` +
    `System restored to the previous version. Investigating root cause.\n` +
    `Target: ${doc.target} · decided ${utcMinute(doc.finishedAt)} by jumpstart-gate.`
  );
}
