import { foldReasons, sharedCauses } from './causes.ts';
import type { VerdictDocument } from './document.ts';
import { utcMinute } from './format.ts';

/** "v1.4.2" stays, "1.4.2" becomes "v1.4.2". */
function versionLabel(version: string | null): string {
  if (!version) return '(version unknown)';
  return /^v/i.test(version) ? version : `v${version}`;
}

/**
 * Pure: the runbook's stakeholder notice ("Rollback Procedures" step 5), filled in and ready to paste.
 * The runbook's template says the system was restored; the gate restores nothing, so the notice says a
 * rollback is required and leaves "restored" to whoever does it. Only the rollback triggers are named,
 * a cause shared by several of them once.
 */
export function renderRollbackNotice(doc: Pick<VerdictDocument, 'version' | 'reasons' | 'finishedAt' | 'target' | 'checks'>): string {
  const reasons = foldReasons(doc.reasons, doc.checks, sharedCauses(doc.checks), true);
  // A chat message, not a log: each reason cut to a readable length (summary.md has them in full).
  const short = reasons.map((r) => (r.length > 200 ? `${r.slice(0, 197)}...` : r));
  const why = short.length > 0 ? short.join('; ') : 'a failed rollback trigger';
  return (
    `🚨 ROLLBACK REQUIRED: Deployment ${versionLabel(doc.version)} must be rolled back due to ${why}.\n` +
    `Not rolled back yet: the release gate changes nothing. Follow the runbook's Rollback Procedures, then confirm the previous version is serving.\n` +
    `Target: ${doc.target} · decided ${utcMinute(doc.finishedAt)} by jumpstart-gate.`
  );
}
