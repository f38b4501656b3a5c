export { buildVerdictDocument, type DocumentInput, type VerdictCheck, type VerdictDocument } from './document.ts';
export { formatMeasured, junitSeconds, measuredVsThreshold, uniqueTitles } from './format.ts';
export { renderJUnit, type JUnitOptions } from './junit.ts';
export { renderRollbackNotice } from './rollback.ts';
export { renderSummary, renderTable, type SummaryExtras } from './summary.ts';
export { postWebhook, webhookPayload, type NotifyOutcome, type WebhookPayload } from './webhook.ts';
export { writeReports, type WriteInput, type WrittenReports } from './write.ts';
