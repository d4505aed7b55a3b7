// tools/mint-licence.mjs from the command line: keys it mints verify against the public key it
// prints (with node:crypto here; the browser tests verify them with WebCrypto), and bad arguments
// are refused with a reason and no key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tool = path.join(root, 'tools/mint-licence.mjs');
const testKey = path.join(root, 'tests/keys/licence-private.pem');
const mint = (...args) => spawnSync(process.execPath, [tool, ...args], { encoding: 'utf8' });

function verify(key, rawPublic) {
  const [payload, signature] = key.split('.');
  const point = Buffer.from(rawPublic, 'base64url');
  const publicKey = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  return crypto.verify('sha256', Buffer.from(payload, 'ascii'), { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'));
}

test('a minted key carries its fields and verifies against the printed public key', () => {
  const r = mint('--key', testKey, '--licensee', 'Acme Łódź Ltd', '--seats', '7', '--expires', '2027-12-31');
  assert.equal(r.status, 0, r.stderr);
  const key = r.stdout.trim();
  const payload = JSON.parse(Buffer.from(key.split('.')[0], 'base64url').toString('utf8'));
  assert.deepEqual(payload, { licensee: 'Acme Łódź Ltd', seats: 7, expires: '2027-12-31' });
  const pub = mint('--key', testKey, '--public-key');
  assert.equal(pub.status, 0);
  assert.equal(pub.stdout.trim(), fs.readFileSync(path.join(root, 'tests/keys/licence-public.txt'), 'utf8').trim(),
    'the repository\'s public test key belongs to its private one');
  assert.equal(verify(key, pub.stdout.trim()), true);
  const forged = Buffer.from(JSON.stringify({ ...payload, seats: 700 })).toString('base64url') + '.' + key.split('.')[1];
  assert.equal(verify(forged, pub.stdout.trim()), false, 'a changed payload fails');
});

test('a new key pair is written and mints keys of its own', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-keys-'));
  try {
    assert.equal(mint('--new-key-pair', dir).status, 0);
    const pub = fs.readFileSync(path.join(dir, 'licence-public.txt'), 'utf8').trim();
    assert.match(pub, /^[A-Za-z0-9_-]{87}$/, '65 bytes, base64url');
    const r = mint('--key', path.join(dir, 'licence-private.pem'), '--licensee', 'New Co', '--expires', '2030-01-01');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(verify(r.stdout.trim(), pub), true);
    assert.equal((fs.statSync(path.join(dir, 'licence-private.pem')).mode & 0o077), 0, 'the private key is not readable by others');
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('bad arguments are refused with a reason and print no key', () => {
  const cases = [
    [['--licensee', 'A', '--expires', '2027-01-01'], /--key/],
    [['--key', '/no/such/file.pem', '--licensee', 'A', '--expires', '2027-01-01'], /cannot read/],
    [['--key', tool, '--licensee', 'A', '--expires', '2027-01-01'], /not a private key/],
    [['--key', testKey, '--expires', '2027-01-01'], /--licensee/],
    [['--key', testKey, '--licensee', 'A', '--seats', '0', '--expires', '2027-01-01'], /--seats/],
    [['--key', testKey, '--licensee', 'A', '--seats', '2.5', '--expires', '2027-01-01'], /--seats/],
    [['--key', testKey, '--licensee', 'A', '--expires', '31/12/2027'], /--expires/],
    [['--key', testKey, '--licensee', 'A', '--expires', '2027-02-30'], /--expires/],
    [['--key', testKey, '--licensee', 'A'], /--expires/],
    [['stray'], /unexpected argument/],
  ];
  for (const [args, why] of cases) {
    const r = mint(...args);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, why, args.join(' '));
    assert.equal(r.stdout, '', 'no key on a refusal');
  }
});
