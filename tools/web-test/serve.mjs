// A tiny static server for the built site (build-web/site/): serves the
// precompressed index.wasm.br / .gz (written by platform/web/site.cmake) when the browser
// accepts them, with the right content type, so a phone gets the small files.
// Bound to 127.0.0.1 unless HOST says otherwise. Used by tools/web-build.sh
// (serve), the phone test and the load-time measurement.
//   node tools/web-test/serve.mjs SITE_DIR [PORT]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
               '.data': 'application/octet-stream', '.webmanifest': 'application/manifest+json',
               '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

export function createSiteServer(siteDir) {
  const site = path.resolve(siteDir);
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(site, decodeURIComponent(url.pathname));
    if (file !== site && !file.startsWith(site + path.sep)) { res.writeHead(403); return res.end(); }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    const accept = String(req.headers['accept-encoding'] || '');
    const headers = { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache',
                      'vary': 'Accept-Encoding' };
    let send = file;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (new RegExp(`\\b${enc}\\b`).test(accept) && fs.existsSync(file + ext)) {
        send = file + ext;
        headers['content-encoding'] = enc;
        break;
      }
    }
    fs.readFile(send, (err, data) => {
      if (err) { res.writeHead(404); return res.end('not found'); }
      headers['content-length'] = data.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const site = process.argv[2] || 'build-web/site';
  const port = Number(process.argv[3] || process.env.PORT || 8765);
  const host = process.env.HOST || '127.0.0.1';
  createSiteServer(site).listen(port, host, () => console.log(`web: serving ${site} on http://${host}:${port}/ (Ctrl+C stops)`));
}
