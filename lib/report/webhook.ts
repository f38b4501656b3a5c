import { httpCall } from '../http.ts';

/** Slack incoming-webhook JSON (also accepted by Mattermost, Discord's /slack endpoint, Teams connectors' text). */
export interface WebhookPayload {
  text: string;
  blocks: Array<{ type: 'section'; text: { type: 'mrkdwn'; text: string } }>;
}

/** Pure: the rollback notice as a Slack-compatible message. */
export function webhookPayload(notice: string, reportsHint?: string): WebhookPayload {
  const text = reportsHint ? `${notice}\n${reportsHint}` : notice;
  // Slack caps a section's text at 3000 characters.
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2990) } }] };
}

export interface NotifyOutcome {
  ok: boolean;
  /** One line for the console and summary.md; never contains the webhook URL (it is a secret). */
  detail: string;
}

/** Posts the payload. A failure to notify is reported, never thrown: it must not change the verdict. */
export async function postWebhook(url: string, payload: WebhookPayload, timeoutMs: number): Promise<NotifyOutcome> {
  const out = await httpCall(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    timeoutMs,
    maxBodyBytes: 2048,
  });
  if (out.status >= 200 && out.status < 300) return { ok: true, detail: `rollback notice posted to the webhook (HTTP ${out.status})` };
  const why = out.status === 0 ? (out.error ?? 'no response') : `HTTP ${out.status}`;
  return { ok: false, detail: `could not post the rollback notice to the webhook: ${why}` };
}
