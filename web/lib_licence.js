// Licence keys: the ECDSA P-256 / SHA-256 signature is checked with WebCrypto against the public
// key built into the app (CMake option PIPEBOARD_LICENCE_PUBLIC_KEY). The key's fields are read
// in C++ (core/trial/licence.hpp); this only answers "was it signed by our key?".
mergeInto(LibraryManager.library, {
  // Calls _pb_licence_verified(1, 0) when `key` ("payload.signature", base64url) is signed by
  // `publicKey` (base64url of the raw uncompressed point), else (0, reason).
  pb_licence_verify: function (publicKeyPtr, keyPtr) {
    const publicKey = UTF8ToString(publicKeyPtr);
    const key = UTF8ToString(keyPtr).trim();
    const bytes = (b64url) => {
      const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((b64url.length + 3) % 4);
      return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    };
    const answer = (ok, reason) => {
      const text = reason || '';
      const size = lengthBytesUTF8(text) + 1;
      const ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      _pb_licence_verified(ok ? 1 : 0, ptr);
      _free(ptr);
    };
    const dot = key.indexOf('.');
    if (!window.crypto || !crypto.subtle) { answer(false, 'This browser cannot check licence keys here (WebCrypto needs https or localhost).'); return; }
    Promise.resolve()
      .then(() => crypto.subtle.importKey('raw', bytes(publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']))
      .then((k) => crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, k, bytes(key.slice(dot + 1)),
        new TextEncoder().encode(key.slice(0, dot))))
      .then((ok) => answer(ok, ok ? '' : 'The licence key was not issued for Pipeboard, or it was changed after it was issued.'),
        (e) => answer(false, 'The licence key could not be checked: ' + (e && e.message ? e.message : e)));
  },
  pb_licence_verify__deps: ['malloc', 'free'],

  // The trial's localStorage copy. Returns a malloc'ed string ("" when missing or blocked).
  pb_local_get: function (namePtr) {
    let v = '';
    try { v = localStorage.getItem(UTF8ToString(namePtr)) || ''; } catch (_) { /* storage blocked: no copy */ }
    const size = lengthBytesUTF8(v) + 1;
    const ptr = _malloc(size);
    stringToUTF8(v, ptr, size);
    return ptr;
  },
  pb_local_get__deps: ['malloc'],
  pb_local_set: function (namePtr, valuePtr) {
    try { localStorage.setItem(UTF8ToString(namePtr), UTF8ToString(valuePtr)); } catch (_) { /* blocked or full: IndexedDB holds the other copy */ }
  },
});
