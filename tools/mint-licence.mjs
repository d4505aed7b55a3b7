#!/usr/bin/env node
// Mints a Pipeboard licence key: base64url(payload JSON) "." base64url(ECDSA P-256 SHA-256
// signature, r || s), signed with a private key given as a PEM file. Node's built-in crypto only.
//
//   node tools/mint-licence.mjs --key private.pem --licensee "Acme Ltd" --seats 5 --expires 2027-12-31
//   node tools/mint-licence.mjs --key private.pem --public-key   # the raw public key for the CMake option
//   node tools/mint-licence.mjs --new-key-pair DIR               # writes DIR/licence-private.pem and DIR/licence-public.txt
//
// The app checks keys against the public key built in with -DPIPEBOARD_LICENCE_PUBLIC_KEY=<base64url>
// (the 65-byte uncompressed P-256 point). The repo holds only the test key pair in tests/keys/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function fail(message) {
  process.stderr.write(`mint-licence: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (!a.startsWith('--')) fail(`unexpected argument ${a}`);
    const name = a.slice(2);
    if (name === 'public-key') args[name] = true;
    else if (i + 1 < argv.length) args[name] = argv[++i];
    else fail(`${a} needs a value`);
  }
  return args;
}

// The uncompressed point 0x04 || x || y, base64url: what WebCrypto imports as 'raw'.
export function rawPublicKey(privateKey) {
  const jwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  return point.toString('base64url');
}

export function mintLicence(privateKey, { licensee, seats, expires }) {
  const payload = Buffer.from(JSON.stringify({ licensee, seats, expires }), 'utf8').toString('base64url');
  const signature = crypto.sign('sha256', Buffer.from(payload, 'ascii'), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${payload}.${signature.toString('base64url')}`;
}

function readKey(file) {
  if (!file) fail('--key <private.pem> is required');
  let pem;
  try { pem = fs.readFileSync(file, 'utf8'); } catch (e) { fail(`cannot read ${file}: ${e.message}`); }
  let key;
  try { key = crypto.createPrivateKey(pem); } catch (e) { fail(`${file} is not a private key: ${e.message}`); }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') fail(`${file} is not a P-256 key`);
  return key;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args['new-key-pair']) {
    const dir = args['new-key-pair'];
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'licence-private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'licence-public.txt'), rawPublicKey(privateKey) + '\n');
    return;
  }
  const key = readKey(args.key);
  if (args['public-key']) {
    process.stdout.write(rawPublicKey(key) + '\n');
    return;
  }
  const licensee = args.licensee;
  if (!licensee) fail('--licensee is required');
  const seats = Number(args.seats ?? 1);
  if (!Number.isInteger(seats) || seats < 1) fail('--seats must be a whole number of at least 1');
  const expires = args.expires;
  // A real day: Date.parse takes 2027-02-30 as March 2nd, so the day must come back the same.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(expires ?? '') ? new Date(`${expires}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== expires)
    fail('--expires must be a real day, YYYY-MM-DD');
  process.stdout.write(mintLicence(key, { licensee, seats, expires }) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
