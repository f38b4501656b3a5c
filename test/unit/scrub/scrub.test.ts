import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { containsSecret, scrubText, scrubValue, sweepSecrets } from '../../../lib/scrub/index.ts';

const PW = 'Pa$$w"rd<&>42';
const JWT = [{ alg: 'HS256' }, { sub: 'user-1' }, 'signature-value'].map((part) => Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url')).join('.') /* a synthetic JWT-shaped fixture */;

test('scrubText removes a secret in raw, JSON-escaped and XML-escaped forms, and any JWT', () => {
  const text = `raw ${PW} json ${JSON.stringify(PW)} xml Pa$$w&quot;rd&lt;&amp;&gt;42 token ${JWT}`;
  const out = scrubText(text, [PW]);
  assert.equal(containsSecret(out, [PW]), false, out);
  assert.ok(!out.includes(JWT));
  assert.match(out, /^raw \*\*\* json "\*\*\*" xml \*\*\* token \*\*\*$/);
});

test('scrubValue deep-copies and scrubs every string', () => {
  const input = { a: [`x ${PW}`], b: { c: PW, n: 3 } };
  const out = scrubValue(input, [PW]);
  assert.deepEqual(out, { a: ['x ***'], b: { c: '***', n: 3 } });
  assert.equal(input.b.c, PW, 'input untouched');
});

test('sweepSecrets scrubs text files, zips (traces) and the HTML report\'s embedded zip in place', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sweep-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'playwright-report/data'), { recursive: true });
  await writeFile(join(dir, 'checks.json'), JSON.stringify({ note: `typed ${PW}` }));
  await writeFile(join(dir, 'playwright-report/data/trace.zip'), zipSync({ 'trace.trace': strToU8(`{"fill":"${PW}","auth":"Bearer ${JWT}"}`), 'shot.png': new Uint8Array([1, 2, 3]) }));
  const embedded = Buffer.from(zipSync({ 'report.json': strToU8(`{"x":"${PW}"}`) })).toString('base64');
  await writeFile(join(dir, 'playwright-report/index.html'), `<script>window.playwrightReportBase64 = "data:application/zip;base64,${embedded}";</script>`);
  await writeFile(join(dir, 'clean.md'), 'nothing here');
  const changed = await sweepSecrets(dir, [PW]);
  assert.equal(changed.length, 3, changed.join());
  assert.ok(!containsSecret(await readFile(join(dir, 'checks.json'), 'utf8'), [PW]));
  const trace = unzipSync(await readFile(join(dir, 'playwright-report/data/trace.zip')));
  const traceText = strFromU8(trace['trace.trace']!);
  assert.ok(!containsSecret(traceText, [PW]) && !traceText.includes(JWT), traceText);
  assert.deepEqual([...trace['shot.png']!], [1, 2, 3], 'binary entries kept');
  const html = await readFile(join(dir, 'playwright-report/index.html'), 'utf8');
  const b64 = /base64,([A-Za-z0-9+/=]+)/.exec(html)?.[1] ?? '';
  const inner = strFromU8(unzipSync(Buffer.from(b64, 'base64'))['report.json']!);
  assert.equal(inner, '{"x":"***"}');
});
