import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook, webhookPayload } from '../../../lib/report/webhook.ts';

async function listen(handler: (req: IncomingMessage, body: string, res: import('node:http').ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T000/B000/secretpart` };
}

const notice = '🚨 ROLLBACK: Deployment v1.4.3 rolled back due to RB-05 database connection (critical) failed.';

test('payload is Slack-compatible: text plus one mrkdwn section, capped', () => {
  const p = webhookPayload(notice, 'Reports: /r');
  assert.equal(p.text, `${notice}\nReports: /r`);
  assert.deepEqual(p.blocks, [{ type: 'section', text: { type: 'mrkdwn', text: `${notice}\nReports: /r` } }]);
  assert.ok(webhookPayload('x'.repeat(5000)).blocks[0]!.text.text.length <= 3000);
});

test('posts JSON to the webhook and reports success', async (t) => {
  let got: { method?: string; type?: string; body?: unknown } = {};
  const { server, url } = await listen((req, body, res) => {
    got = { method: req.method, type: req.headers['content-type'], body: JSON.parse(body) };
    res.end('ok');
  });
  t.after(() => server.close());
  const out = await postWebhook(url, webhookPayload(notice), 2000);
  assert.equal(out.ok, true);
  assert.match(out.detail, /HTTP 200/);
  assert.equal(got.method, 'POST');
  assert.equal(got.type, 'application/json');
  assert.equal((got.body as { text: string }).text, notice);
});

test('a failing or hanging webhook is reported, never thrown, and the URL is not echoed', async (t) => {
  const failing = await listen((_req, _body, res) => {
    res.statusCode = 500;
    res.end('boom');
  });
  const hanging = await listen(() => {
    // never answers
  });
  t.after(() => {
    failing.server.close();
    hanging.server.closeAllConnections();
    hanging.server.close();
  });
  const a = await postWebhook(failing.url, webhookPayload(notice), 2000);
  assert.equal(a.ok, false);
  assert.match(a.detail, /HTTP 500/);
  const started = Date.now();
  const b = await postWebhook(hanging.url, webhookPayload(notice), 300);
  assert.equal(b.ok, false);
  assert.match(b.detail, /timed out after 300 ms/);
  assert.ok(Date.now() - started < 3000, 'bounded');
  for (const o of [a, b]) assert.doesNotMatch(o.detail, /secretpart/);
});
