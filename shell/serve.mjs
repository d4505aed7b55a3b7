// A small static file server for the built app: right MIME types (application/wasm), loopback
// only. Like any static host it sends validators (ETag, Last-Modified) and answers 304 when a file
// is unchanged: the browser then reuses its compiled WebAssembly instead of compiling again.
// Usage: node shell/serve.mjs DIR [PORT]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || '.');
const port = Number(process.argv[3] || process.env.PORT || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json; charset=utf-8', '.data': 'application/octet-stream', '.ttf': 'font/ttf',
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    const common = { 'cache-control': 'no-cache', etag, 'last-modified': stat.mtime.toUTCString() };
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, common).end(); return; }
    res.writeHead(200, {
      ...common,
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'content-length': stat.size,
    });
    fs.createReadStream(file).pipe(res);
  });
});

server.listen(port, '127.0.0.1', () => console.log(`Pipeboard is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
