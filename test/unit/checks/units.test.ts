import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { assetProblem, referencedAssets } from '../../../checks/api/assets.ts';
import { corsProblem, securityHeaderProblems } from '../../../checks/api/headers.ts';
import { checksSettingsFrom } from '../../../checks/env.ts';
import { applyCleanup, cleanMessage, completeResults, toCheckResult, type TestOutcome } from '../../../checks/report/results.ts';
import { readDocx } from '../../../checks/support/docx.ts';
import { scrubText, scrubZip } from '../../../checks/support/scrub.ts';
import { GateError } from '../../../lib/errors.ts';
import { unzipSync, strFromU8 } from 'fflate';

const outcome = (o: Partial<TestOutcome>): TestOutcome => ({ title: 'RB-09 generate 30 posts', project: 'browser', status: 'passed', annotations: [], ...o });

test('results: pass, warn, fail carry measured value, threshold, catalog severity', () => {
  const ann = [
    { type: 'severity', description: 'minor' }, // the catalog wins over an annotation
    { type: 'measured', description: '95.5' },
    { type: 'unit', description: 's' },
    { type: 'threshold', description: 'target < 90 s, alert > 120 s' },
  ];
  const pass = toCheckResult(outcome({ annotations: ann, durationMs: 1234.4 }));
  assert.deepEqual(pass, { id: 'RB-09', title: 'RB-09 generate 30 posts', severity: 'major', status: 'pass', source: 'checks', measured: 95.5, unit: 's', threshold: 'target < 90 s, alert > 120 s', durationMs: 1234 });
  const warn = toCheckResult(outcome({ annotations: [...ann, { type: 'status', description: 'warn' }, { type: 'message', description: 'above target' }] }));
  assert.equal(warn?.status, 'warn');
  assert.equal(warn?.message, 'above target');
  const fail = toCheckResult(outcome({ status: 'failed', annotations: ann, error: '\u001b[31mError: generation took 130 s exceeds the alert\u001b[39m\n    at x (file.ts:1:1)' }));
  assert.equal(fail?.status, 'fail');
  assert.equal(fail?.message, 'generation took 130 s exceeds the alert');
  assert.equal(toCheckResult(outcome({ status: 'timedOut', error: 'Test timeout of 60000ms exceeded.' }))?.message, 'timed out: Test timeout of 60000ms exceeded.');
  assert.equal(toCheckResult(outcome({ title: 'setup: API login once' })), undefined);
  assert.equal(toCheckResult(outcome({ annotations: [{ type: 'measured', description: 'NaN' }] }))?.measured, undefined);
});

test('results: prerequisites are errors, mode skips are skips, never-run tests name what blocked them', () => {
  const prereq = toCheckResult(outcome({ status: 'failed', error: 'not evaluated: x', annotations: [{ type: 'status', description: 'error' }, { type: 'prerequisite', description: 'RB-08 (project wizard) did not complete: boom' }] }));
  assert.equal(prereq?.status, 'error');
  assert.equal(prereq?.message, 'not evaluated: RB-08 (project wizard) did not complete: boom');
  const skip = toCheckResult(outcome({ status: 'skipped', annotations: [{ type: 'skip', description: 'nightly mode: generation is not run' }] }));
  assert.deepEqual([skip?.status, skip?.message], ['skip', 'nightly mode: generation is not run']);
  const blocked = toCheckResult(outcome({ status: undefined }), 'setup (API login): boom');
  assert.deepEqual([blocked?.status, blocked?.message], ['error', 'did not run: prerequisite setup (API login): boom failed']);
  const skippedNoReason = toCheckResult(outcome({ status: 'skipped' }));
  assert.equal(skippedNoReason?.status, 'error', 'a skip without a reason is a blocked test, not a skip');
  assert.equal(toCheckResult(outcome({ status: 'interrupted' }))?.status, 'error');
});

test('results: every api/browser check of the catalog gets a result, in catalog order', () => {
  const one = toCheckResult(outcome({ title: 'RB-02 API docs' }));
  assert.ok(one);
  const all = completeResults([one], ['setup', 'api']);
  assert.deepEqual(all.map((r) => r.id), ['RB-01', 'RB-02', 'RB-03', 'RB-04', 'RB-05', 'RB-06', 'RB-07', 'RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12', 'RB-13']);
  assert.equal(all[0]?.status, 'error');
  assert.equal(all[0]?.message, 'no result: no test reported it');
  assert.equal(all[6]?.message, 'no result: project "browser" was not part of this run');
  assert.equal(all[1]?.status, 'pass');
});

test('results: a project left behind fails RB-08', () => {
  const rb08 = toCheckResult(outcome({ title: 'RB-08 project wizard' }));
  assert.ok(rb08);
  const [after] = applyCleanup([rb08], ['DELETE /api/projects/p1 answered 500: boom']);
  assert.equal(after?.status, 'fail');
  assert.equal(after?.message, 'project cleanup failed: DELETE /api/projects/p1 answered 500: boom');
  assert.equal(applyCleanup([rb08], [])[0]?.status, 'pass');
  assert.equal(cleanMessage('apiRequestContext.get: connect ECONNREFUSED\nCall log:\n  - GET /health'), 'apiRequestContext.get: connect ECONNREFUSED');
});

test('scrub: known secrets in every encoding and token-shaped values are masked, prose is not', () => {
  const pw = 'p"w\\secret-9';
  const jwt = [{ alg: 'HS256' }, { sub: 'user-1' }, 'signature-value'].map((part) => Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url')).join('.') /* a synthetic JWT-shaped fixture */;
  const text = [
    `raw ${pw}`,
    JSON.stringify({ password: pw, note: 'x' }),
    `{"name":"authorization","value":"Bearer abcdefghijklmnopqrstuvwxyz012345"}`,
    `{"access_token":"opaque-token-value-1234","refresh_token":"r-tok-5678"}`,
    `{"name":"access_token","value":"opaque-token-value-1234"}`,
    JSON.stringify(JSON.stringify({ refresh_token: 'nested-refresh-value' })),
    `token ${jwt}`,
    'RB-04 login returns a bearer token, wrong password gets 401',
  ].join('\n');
  const out = scrubText(text, [pw]);
  for (const s of [pw, JSON.stringify(pw).slice(1, -1), 'abcdefghijklmnopqrstuvwxyz012345', 'opaque-token-value-1234', 'r-tok-5678', 'nested-refresh-value', jwt]) {
    assert.ok(!out.includes(s), `still contains ${s}`);
  }
  assert.match(out, /RB-04 login returns a bearer token, wrong password gets 401/);
  const zip = zipSync({ 'trace.network': strToU8(`{"value":"Bearer ${jwt}"}`), 'img.png': new Uint8Array([0x89, 0, 1, 2]) });
  const clean = scrubZip(zip, []);
  assert.ok(clean);
  const entries = unzipSync(clean);
  assert.equal(strFromU8(entries['trace.network'] ?? new Uint8Array()), '{"value":"Bearer ***"}');
  assert.deepEqual([...(entries['img.png'] ?? [])], [0x89, 0, 1, 2]);
  assert.equal(scrubZip(zipSync({ a: strToU8('nothing here') }), [pw]), undefined);
});

test('RB-03 helpers: same-origin scripts, stylesheets and modulepreloads; HTML for JS is the SPA fallback', () => {
  const html = `<link rel="icon" href="/favicon.ico"><script type="module" crossorigin src="/assets/index-1a2b.js"></script>
    <link rel="modulepreload" href="/assets/vendor-3c.js"><link rel=stylesheet href='/assets/index-9f.css'>
    <script src="https://cdn.example.com/x.js"></script><script>inline()</script>`;
  const assets = referencedAssets(html, 'https://app.example.com');
  assert.deepEqual(assets.map((a) => [a.kind, a.url]), [
    ['script', 'https://app.example.com/assets/index-1a2b.js'],
    ['script', 'https://app.example.com/assets/vendor-3c.js'],
    ['stylesheet', 'https://app.example.com/assets/index-9f.css'],
  ]);
  const [js] = assets;
  assert.ok(js);
  assert.equal(assetProblem(js, 200, 'text/javascript; charset=utf-8'), undefined);
  assert.equal(assetProblem(js, 200, 'text/html'), '/assets/index-1a2b.js answered 200 text/html, expected JavaScript (SPA fallback: the file is missing)');
  assert.equal(assetProblem(js, 404, undefined), '/assets/index-1a2b.js answered 404');
});

test('RB-06 helpers: CORS echo or * with credentials is a finding; missing headers are named', () => {
  const o = 'https://evil.invalid';
  assert.equal(corsProblem('GET /x', o, {}), undefined);
  assert.equal(corsProblem('GET /x', o, { 'access-control-allow-origin': 'https://app.example.com' }), undefined);
  assert.match(corsProblem('GET /x', o, { 'access-control-allow-origin': o, 'access-control-allow-credentials': 'true' }) ?? '', /echoes the foreign origin .* with credentials/);
  assert.match(corsProblem('GET /x', o, { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' }) ?? '', /\* with credentials/);
  const full = { 'content-security-policy': "default-src 'self'", 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'strict-transport-security': 'max-age=31536000' };
  assert.deepEqual(securityHeaderProblems(full, true), []);
  assert.deepEqual(securityHeaderProblems({ 'content-security-policy': "frame-ancestors 'none'", 'x-content-type-options': 'nosniff' }, false), []);
  assert.deepEqual(securityHeaderProblems({}, true), ['Content-Security-Policy', 'X-Content-Type-Options: nosniff', 'frame protection (X-Frame-Options or CSP frame-ancestors)', 'Strict-Transport-Security']);
  assert.deepEqual(securityHeaderProblems({ ...full, 'strict-transport-security': 'max-age=0' }, true), ['Strict-Transport-Security']);
});

test('RB-11 helper: reads a real DOCX, rejects a truncated one and a zip that is not Word', async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Acme & Sons'), new TextRun(' <Ltd>')] }),
          ...Array.from({ length: 30 }, (_, i) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`Post ${i + 1}: `), new TextRun('Problem Recognition')] })),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const facts = readDocx(bytes);
  assert.ok(facts.paragraphs.includes('Acme & Sons <Ltd>'));
  assert.deepEqual(facts.postSections, Array.from({ length: 30 }, (_, i) => i + 1));
  assert.throws(() => readDocx(bytes.slice(0, bytes.length - 200)), /not a valid zip/);
  assert.throws(() => readDocx(zipSync({ 'readme.txt': strToU8('hi') })), /not a Word document: missing \[Content_Types\]\.xml, word\/document\.xml/);
});

test('settings: every problem at once, naming the variables; the session never under the reports', () => {
  try {
    checksSettingsFrom({ CJ_EMAIL: 'nope', CJ_MODE: 'weekly', CJ_KEEP_TOKEN: 'yes' }, '/repo');
    assert.fail('must throw');
  } catch (err) {
    assert.ok(err instanceof GateError);
    assert.equal(err.code, 'CONFIG');
    const text = err.problems.join('\n');
    for (const v of ['CJ_BASE_URL', 'CJ_EMAIL', 'CJ_PASSWORD', 'CJ_MODE', 'CJ_KEEP_TOKEN']) assert.match(text, new RegExp(v));
    assert.match(err.message, /5 problem/);
  }
  const base = { CJ_BASE_URL: 'http://127.0.0.1:1', CJ_EMAIL: 'a@b.co', CJ_PASSWORD: 'x' };
  assert.throws(() => checksSettingsFrom({ ...base, CJ_OUT_DIR: 'out', CJ_AUTH_DIR: 'out/auth' }, '/repo'), /CJ_AUTH_DIR: must not be inside the report directory/);
  const s = checksSettingsFrom({ ...base, CJ_MODE: 'nightly' }, '/repo');
  assert.equal(s.generation, false);
  assert.equal(s.paths.authDir, '/repo/.auth');
  assert.equal(s.paths.junit, '/repo/reports/checks-junit.xml');
  assert.equal(checksSettingsFrom({ ...base, CJ_MODE: 'nightly', CJ_WITH_GENERATION: '1' }, '/repo').generation, true);
  assert.equal(checksSettingsFrom(base, '/repo').generation, true);
});
