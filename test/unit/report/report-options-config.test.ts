/** The report options as config: flags win over env, an empty env is unset, a Pushgateway's user info is a secret. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReportOptions, reportSecrets } from '../../../lib/config/index.ts';

test('flags win over env; an empty env value is unset; the default JUnit style is default', () => {
  assert.deepEqual(loadReportOptions({ env: {}, flags: {} }), { options: { junit: 'default' }, problems: [] });
  assert.deepEqual(loadReportOptions({ env: { CJ_HISTORY: '', CJ_PUSHGATEWAY: ' ', CJ_JUNIT: '' }, flags: {} }).options, { junit: 'default' });
  const both = loadReportOptions({ env: { CJ_HISTORY: 'env.jsonl', CJ_JUNIT: 'strict', CJ_PUSHGATEWAY: 'http://env:9091' }, flags: { history: 'flag.jsonl', junit: 'default' } });
  assert.deepEqual(both.options, { junit: 'default', history: 'flag.jsonl', pushgateway: 'http://env:9091' });
  assert.deepEqual(loadReportOptions({ env: { CJ_HISTORY: 'h' }, flags: { history: '' } }).problems, ['CJ_HISTORY (--history): must be a file path']);
  assert.match(loadReportOptions({ env: {}, flags: { pushgateway: 'http://u:%zz@pg:9091' } }).problems[0] ?? '', /user info is not valid percent-encoding/);
});

test("a Pushgateway URL is a secret only with user info: the whole URL and its credential, raw and decoded", () => {
  assert.deepEqual(reportSecrets({}), []);
  assert.deepEqual(reportSecrets({ pushgateway: 'http://pg:9091/prefix' }), []);
  const withPassword = reportSecrets({ pushgateway: 'https://ci:p%40ss-w0rd@pg.example.com/' });
  assert.ok(withPassword.includes('https://ci:p%40ss-w0rd@pg.example.com/'));
  assert.ok(withPassword.includes('p%40ss-w0rd') && withPassword.includes('p@ss-w0rd'));
  assert.ok(!withPassword.includes('ci'), 'the user name beside a password is not scrubbed everywhere');
  const token = reportSecrets({ pushgateway: 'https://glpat-abc123@pg.example.com' });
  assert.ok(token.includes('glpat-abc123'), 'a user name alone is a token');
});
