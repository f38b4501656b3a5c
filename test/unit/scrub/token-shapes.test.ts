import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrubText } from '../../../lib/scrub/index.ts';

/** A synthetic JWT-shaped fixture (header {"alg":"HS256","typ":"JWT"}), not a real credential. */
const JWT = [{ alg: 'HS256', typ: 'JWT' }, { sub: '1', type: 'access' }, 'signature-value-xxx'].map((p) => Buffer.from(typeof p === 'string' ? p : JSON.stringify(p)).toString('base64url')).join('.');
const CUT = JWT.slice(0, 16);

test('a cut-off token (a JWT prefix of 16+ characters) is masked, wherever the cut falls', () => {
  assert.equal(CUT, 'eyJhbGciOiJIUzI1');
  assert.equal(scrubText('"refresh_token":"eyJhbGciOiJIUzI1…"', []), '"refresh_token":"***"');
  assert.equal(scrubText('reason: "refresh_token":"eyJhbGciOiJIUzI1…', []), 'reason: "refresh_token":"***…');
  assert.equal(scrubText('reason: "refresh_token":"eyJhbGciOiJIUzI1...', []), 'reason: "refresh_token":"***...');
  assert.equal(scrubText(`token ${CUT} seen`, []), 'token *** seen');
  assert.equal(scrubText(`token ${JWT.slice(0, 40)}`, []), 'token ***', 'cut after the first dot');
  assert.equal(scrubText('Authorization: Bearer eyJhbGciOiJIUzI1NiIs...', []), 'Authorization: Bearer ***...');
});

test('the text around a masked value stays readable: never "***"access_token":"***"', () => {
  assert.equal(scrubText(`{"refresh_token":"${CUT}… "access_token":"${JWT}"}`, []), '{"refresh_token":"***… "access_token":"***"}');
  assert.equal(scrubText(`body {"access_token":"${JWT}","refresh_token":"${CUT}...`, []), 'body {"access_token":"***","refresh_token":"***...');
  assert.equal(scrubText(`{"access_token":"${JWT}","token_type":"bearer","user":{"email":"op@example.com"}}`, []), '{"access_token":"***","token_type":"bearer","user":{"email":"op@example.com"}}');
  assert.equal(scrubText('{"access_token": "opaque-token-1234" , "x": 1}', []), '{"access_token": "***" , "x": 1}');
});

test('credential fields at every depth of JSON-in-JSON escaping, with escaped quotes and backslashes inside', () => {
  const value = { password: 'p"w\\secret-9', access_token: 'opaque-token-1234', note: 'kept' };
  const once = JSON.stringify(value);
  const twice = JSON.stringify(once);
  const thrice = JSON.stringify(twice);
  assert.equal(scrubText(once, []), '{"password":"***","access_token":"***","note":"kept"}');
  assert.equal(scrubText(twice, []), JSON.stringify('{"password":"***","access_token":"***","note":"kept"}'));
  assert.equal(scrubText(thrice, []), JSON.stringify(JSON.stringify('{"password":"***","access_token":"***","note":"kept"}')));
  assert.equal(scrubText('{"name":"refresh_token","value":"r-tok-5678"}', []), '{"name":"refresh_token","value":"***"}', 'storage-state entry');
  assert.equal(scrubText(JSON.stringify(JSON.stringify({ name: 'access_token', value: 'a-tok-1' })), []), JSON.stringify('{"name":"access_token","value":"***"}'));
});

test('no false positives: prose, short eyJ words, empty values, chance "eyJ" inside base64 stay as they are', () => {
  for (const text of ['RB-04 login returns a bearer token; wrong password gets 401', 'eyJhbGci is short', '{"password":""}', 'Bearer tokens: HS256']) {
    assert.equal(scrubText(text, []), text);
  }
  const blob = `data:application/octet-stream;base64,QUJD${'eyJhbGciOiJIUzI1NiJ9'}QUJDRA==`;
  assert.equal(scrubText(blob, []), blob, 'an "eyJ" run inside a longer base64 run is not a token');
});

test('masking is idempotent: scrubbing scrubbed text changes nothing', () => {
  const once = scrubText(`{"refresh_token":"${CUT}… "access_token":"${JWT}"} Bearer ${JWT} ${CUT}`, ['pw-1']);
  assert.equal(scrubText(once, ['pw-1']), once);
});
