// Drives the web build in Debian's headless Chromium at phone size (390x844, touch):
// starts logging, taps the body map, scrolls by dragging, opens More details and
// types a note through the hidden input (the phone keyboard's path), saves,
// checks the page said "Not yet stored" and then "Stored on this device"
// (IndexedDB synced), reloads and finds the episode and its note still there,
// downloads a CSV, a FHIR file and a backup from the Export page (which has no
// PDF on the web), then opens the page again with the network off (service
// worker) and finds the episode again. Screenshots go to docs/web/.
// Usage: node phone-test.mjs SITE_DIR   (tools/web-build.sh e2e)
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const site = path.resolve(process.argv[2] || path.join(root, 'build-web', 'site'));
const shots = path.join(root, 'docs', 'web');
fs.mkdirSync(shots, { recursive: true });

// ---- A static server on 127.0.0.1 (any static host serves the site) ----
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.data': 'application/octet-stream',
               '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file = path.join(site, decodeURIComponent(url.pathname));
  if (!file.startsWith(site)) { res.writeHead(403); return res.end(); }
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(data);
  });
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const failures = [];
function check(cond, what) {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (!cond) failures.push(what);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-web-test-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
});
const page = context.pages()[0] || await context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`  [page ${m.type()}] ${m.text()}`); });
page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));

const state = () => page.evaluate(() => JSON.parse(Module.ccall('nd_web_test_state', 'string', [], [])));
async function waitFor(fn, what, timeout = 30000) {
  const until = Date.now() + timeout;
  for (;;) {
    const s = await state().catch(() => null);
    if (s && fn(s)) return s;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}
async function open() {
  await page.waitForFunction(() => window.ndWeb && window.ndWeb.running, null, { timeout: 60000 });
  await page.waitForTimeout(300);   // a few frames: cards measure themselves
}
const endsWith = (s, suffix) => Object.keys(s.items).find((k) => k.endsWith(suffix));
const centre = (r) => ({ x: (r[0] + r[2]) / 2, y: (r[1] + r[3]) / 2 });
async function tapRect(r) {
  const c = centre(r);
  await page.touchscreen.tap(c.x, c.y);
  await page.waitForTimeout(250);
}
async function tapItem(suffix) {
  const s = await waitFor((s) => endsWith(s, suffix), `item ${suffix}`);
  await tapRect(s.items[endsWith(s, suffix)]);
}
// A finger drag through the DevTools protocol (Playwright's touchscreen only taps).
const cdp = await context.newCDPSession(page);
async function drag(x, y0, y1, steps = 12) {
  const pt = (y) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(y0) });
  for (let i = 1; i <= steps; ++i) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(y0 + (y1 - y0) * i / steps) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(600);   // the glide settles
}
// Scrolls (by dragging inside the page, above the Log page's Save bar) until
// the item is fully on screen and drawn (the page reports items scrolled out of
// their window with visible = 0).
async function scrollTo(suffix) {
  for (let i = 0; i < 20; ++i) {
    const s = await waitFor((s) => endsWith(s, suffix), `item ${suffix}`);
    const r = s.items[endsWith(s, suffix)];
    const save = endsWith(s, '  Save');
    const bottom = Math.min(844 - 80, save && !suffix.endsWith('Save') ? s.items[save][1] - 8 : 844);
    if (r[4] && r[1] >= 80 && r[3] <= bottom) {
      // Still moving (a glide, or the page scrolling itself)? Read it again.
      await page.waitForTimeout(150);
      const again = (await state()).items[endsWith(s, suffix)];
      if (again && again[1] === r[1] && again[3] === r[3]) return r;
      continue;
    }
    const up = r[3] > bottom;
    await drag(195, up ? 520 : 220, up ? 220 : 520);
  }
  throw new Error(`could not scroll ${suffix} into view`);
}
// What the storage pill (#nd-status) said, in order, from now on.
async function watchStatus() {
  await page.evaluate(() => {
    window.ndStatusSeen = [];
    const el = document.getElementById('nd-status');
    new MutationObserver(() => {
      const t = el.classList.contains('show') ? el.textContent : '';
      if (t && window.ndStatusSeen[window.ndStatusSeen.length - 1] !== t) window.ndStatusSeen.push(t);
    }).observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
  });
}
const NOTE = 'Pins and needles after the bus';

try {
  // ---- First visit: an empty diary ----
  await page.goto(base + '?test');
  await open();
  let s = await state();
  check(s.open_error === '', 'the diary opened in IndexedDB storage');
  check(s.narrow, 'phone layout at 390x844');
  await page.screenshot({ path: path.join(shots, 'phone-welcome.png') });
  await tapItem('Start logging');
  s = await waitFor((s) => Object.keys(s.regions).length > 0, 'the body map');
  check(s.page === 1, 'Start logging opens the Log page');

  // ---- Tap the body map ----
  const regionNames = Object.keys(s.regions);
  const pick = ['shin:left', 'toes:left', 'calf:left'].find((r) => s.regions[r] && s.regions[r][1] > 60 && s.regions[r][3] < 700)
    || regionNames.find((r) => s.regions[r][1] > 60 && s.regions[r][3] < 700);
  console.log(`  tapping region ${pick} of ${regionNames.length}`);
  await tapRect(s.regions[pick]);
  s = await state();
  await page.screenshot({ path: path.join(shots, 'phone-log-tapped.png') });

  // ---- Drag to scroll the form (Dear ImGui 1.86 has no touch scrolling of its own) ----
  const key = endsWith(s, 'More details (optional)##details');
  const y0 = s.regions[pick][1];
  console.log(`  before: ${pick} y=${y0}, details y=${s.items[key][1]}`);
  await drag(195, 560, 260);
  s = await state();
  const y1 = s.regions[pick][1];
  console.log(`  after: ${pick} y=${y1}, details y=${s.items[key][1]}`);
  check(y0 - y1 > 150, `dragging up 300 px scrolled the form (the tapped region from y=${y0} to y=${y1})`);
  await page.screenshot({ path: path.join(shots, 'phone-log-scrolled.png') });
  await drag(195, 260, 660);   // back to the top
  s = await state();
  check(s.regions[pick][1] > y1, 'dragging down scrolls back');
  check(s.episodes.length === 0, 'dragging did not tap anything (nothing saved)');

  // ---- A note through the hidden input (the phone keyboard's path) ----
  await tapRect(await scrollTo('More details (optional)##details'));
  await waitFor((s) => s.details_open, 'More details open');
  await tapRect(await scrollTo('##note'));
  const focused = await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'nd-text', null, { timeout: 5000 })
    .then(() => true, () => false);
  check(focused, 'tapping the note field focuses the hidden input (the phone keyboard opens)');
  await page.keyboard.insertText(NOTE);   // what a phone keyboard sends: input events, no key presses
  s = await waitFor((s) => s.draft_note === NOTE, 'the typed note in the form', 5000).catch(() => state());
  check(s.draft_note === NOTE, `the note typed on the keyboard is in the form ("${s.draft_note}")`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'phone-keyboard-note.png') });

  // ---- Save ----
  await watchStatus();
  const saveRect = await scrollTo('  Save');
  await tapRect(saveRect);
  s = await waitFor((s) => s.episodes.length === 1, 'the saved episode');
  check(s.episodes[0].regions.some((r) => r.startsWith(pick.split(':')[0])), `the episode has the tapped region (${s.episodes[0].regions})`);
  check(s.episodes[0].note === NOTE, `the episode has the typed note ("${s.episodes[0].note}")`);
  check(/Saved/.test(s.toast), `the app says "${s.toast}"`);
  await page.waitForFunction(() => ndWeb.storage === 'stored' && ndWeb.syncCount > 0, null, { timeout: 15000 });
  const seen = await page.evaluate(() => window.ndStatusSeen);
  check(seen.indexOf('Not yet stored…') >= 0 && seen.indexOf('Stored on this device') > seen.indexOf('Not yet stored…'),
        `the page said "Not yet stored…", then "Stored on this device" (${JSON.stringify(seen)})`);
  check(true, 'the diary is stored in IndexedDB (synced after the change)');
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(shots, 'phone-saved.png') });
  const id = s.episodes[0].id;

  // ---- Reload: the episode is still there ----
  await page.reload();
  await open();
  s = await state();
  check(s.episodes.length === 1 && s.episodes[0].id === id, `after a reload the episode ${id} is still in the diary`);
  check(s.episodes.length === 1 && s.episodes[0].note === NOTE, 'after a reload the episode still has its note');
  check(s.page === 1, 'after a reload the app opens on Log (first run done, kept in the diary)');
  await tapItem('tab:diary');
  s = await waitFor((s) => s.items['diary:episode:' + id], 'the episode row in the Diary');
  check(true, 'the Diary page lists the episode');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'phone-diary-after-reload.png') });

  // ---- Export: no PDF on the web (the desktop app makes it); CSV, FHIR and a backup as downloads ----
  await tapItem('tab:more');
  await tapItem('  Export & backup');
  s = await waitFor((s) => s.items['format:csv'] && s.items['format:pdf'], 'the Export page');
  check(true, 'the Export page opens from More');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'phone-export.png') });
  // In the order of ExportFormat after Pdf (1 CSV, 2 FHIR, 3 backup).
  const formats = [['format:csv', '.csv', (t) => t.includes(NOTE)],
                   ['format:fhir', '.json', (t) => t.includes('"resourceType"') && t.includes('Bundle')],
                   ['format:backup', '.ndbackup', (t) => t.length > 100]];
  for (const [i, [key, ext, ok]] of formats.entries()) {
    await tapRect(await scrollTo(key));
    await waitFor((s) => s.export_format === i + 1, `${key} chosen`, 5000);
    const go = await scrollTo('Download##go');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), tapRect(go)]);
    const name = download.suggestedFilename();
    const text = fs.readFileSync(await download.path(), 'utf8');
    check(name.endsWith(ext) && ok(text), `${key.slice(7)}: downloaded ${name} (${text.length} bytes)`);
    if (key === 'format:csv') {
      await waitFor((s) => s.items['export:download_again'], 'the Downloaded card');
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shots, 'phone-export-downloaded.png') });
    }
  }

  // ---- Offline: the service worker serves the app, the diary is still there ----
  const swReady = await page.evaluate(() => navigator.serviceWorker.ready.then(() => true)).catch(() => false);
  check(swReady, 'a service worker is active');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 }).catch(() => {});
  await context.setOffline(true);
  const offlineFetch = await page.evaluate(() => fetch('index.wasm?probe', { cache: 'no-store' }).then(() => 'ok', (e) => String(e)));
  console.log(`  offline fetch through the service worker: ${offlineFetch}`);
  await page.reload();
  await open();
  s = await state();
  check(s.episodes.length === 1 && s.episodes[0].id === id, 'offline: the app opens from the service worker\'s cache, with the diary');
  await tapItem('tab:diary');
  await waitFor((s) => s.items['diary:episode:' + id], 'the episode row in the Diary (offline)');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'phone-offline.png') });
  await context.setOffline(false);
} catch (e) {
  failures.push(String(e.message || e));
  console.log(`FAIL ${e.message || e}`);
  await page.screenshot({ path: path.join(shots, 'phone-failure.png') }).catch(() => {});
} finally {
  await context.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(failures.length ? `\n${failures.length} check(s) failed` : '\nall checks passed');
process.exit(failures.length ? 1 : 0);
