// Drives the web build in Debian's headless Chromium at phone size (390x844, touch):
// starts logging, taps the body map, scrolls by dragging, opens More details and
// types a note through the hidden input (the phone keyboard's path), saves,
// checks the page said "Not yet stored" and then "Stored on this device"
// (IndexedDB synced), reloads and finds the episode and its note still there,
// downloads a CSV, a FHIR file and a backup from the Export page (which has no
// PDF on the web), then opens the page again with the network off (service
// worker) and finds the episode again. Along the way: a word typed with an
// IME composition (shown while composed, Input.imeSetComposition) and an emoji
// (a surrogate pair) reach the stored note and the CSV intact; the keyboard is
// dismissed and a tap on the field brings it back; with the page shortened as a
// keyboard would, the note field is still typed in and shown above Save; the
// phone layout: the front view's legs above Save, no band between Save and the
// tab bar, every tap area and mirror control at least 44x44 CSS px, the toes
// tapped and stored; iPhone safe-area insets in the second profile (every
// control inside), the dark body map's contrast from screenshot pixels, and the
// browser's text size followed; persistent storage is
// asked for at the first save (the browser's answer stubbed: "no" here, with
// the "Download a backup now" offer, and "yes" in the second profile). Then a
// second, empty profile (a new phone, or a browser that lost the diary) brings
// the downloaded backup back through the phone's file chooser (<input
// type=file>), and a warning sign on a new episode puts a real tel: link over
// "Call ... now". Screenshots go to a temporary folder (ND_WEB_SHOTS to choose).
// Usage: node phone-test.mjs SITE_DIR   (tools/web-build.sh e2e)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createSiteServer } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const site = path.resolve(process.argv[2] || path.join(root, 'build-web', 'site'));
// Never over the tracked pictures in docs/web/: a temporary folder unless asked.
const shots = process.env.ND_WEB_SHOTS || fs.mkdtempSync(path.join(os.tmpdir(), 'nd-web-shots-'));
fs.mkdirSync(shots, { recursive: true });
console.log(`screenshots: ${shots}`);

// ---- The site on 127.0.0.1, precompressed files and all (serve.mjs) ----
const server = createSiteServer(site);
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const failures = [];
let backupFile = null;
function check(cond, what) {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (!cond) failures.push(what);
}

const userDataDirs = [];
// The browser's answer to navigator.storage.persist() is stubbed (a fresh
// headless profile may answer either way): localStorage 'ndTestPersist' says
// "yes" or (anything else) "no"; calls are counted in ndTestPersistCalls.
function stubPersistence() {
  try {
    window.ndTestPersistCalls = 0;
    const granted = () => localStorage.getItem('ndTestGranted') === 'yes';
    navigator.storage.persisted = async () => granted();
    navigator.storage.persist = async () => {
      window.ndTestPersistCalls++;
      const yes = localStorage.getItem('ndTestPersist') === 'yes';
      if (yes) localStorage.setItem('ndTestGranted', 'yes');
      return yes;
    };
  } catch (e) { /* about:blank has no storage */ }
}
async function launch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-web-test-'));
  userDataDirs.push(dir);
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  await ctx.addInitScript(stubPersistence);
  const pg = ctx.pages()[0] || await ctx.newPage();
  pg.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`  [page ${m.type()}] ${m.text()}`); });
  pg.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
  return [ctx, pg, await ctx.newCDPSession(pg)];
}
let [context, page, cdp] = await launch();

const state = () => page.evaluate(() => JSON.parse(Module.ccall('nd_web_test_state', 'string', [], [])));
async function waitFor(fn, what, timeout = 30000) {
  const until = Date.now() + timeout;
  for (;;) {
    const s = await state().catch(() => null);
    if (s && fn(s)) return s;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}
// Every touch, key and text handed to the app has been through a frame.
const inputIdle = () => page.waitForFunction(() => window.Module && Module._nd_web_input_idle && Module._nd_web_input_idle() === 1,
                                              null, { timeout: 60000, polling: 16 });
// The input is handled and the layout (every recorded widget) is the same in two
// states read one after the other: what a screenshot or a tap should see.
async function settled(what = 'a settled layout') {
  await inputIdle();
  let last = '';
  await waitFor((s) => { const k = JSON.stringify([s.page, s.items]); const same = k === last; last = k; return same; }, what);
}
async function open() {
  await page.waitForFunction(() => window.ndWeb && window.ndWeb.running, null, { timeout: 60000 });
  await settled('the first page laid out');
}
const endsWith = (s, suffix) => Object.keys(s.items).find((k) => k.endsWith(suffix));
// The app's rectangles are in CSS px from the canvas's top left; the canvas sits
// inside the safe area (below a notch), so taps add where it is on the page.
let canvasAt = { x: 0, y: 0, h: 844 };
const whereIsCanvas = async () => {
  canvasAt = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top, h: r.height }; });
};
const centre = (r) => ({ x: canvasAt.x + (r[0] + r[2]) / 2, y: canvasAt.y + (r[1] + r[3]) / 2 });
async function tapRect(r) {
  const c = centre(r);
  await page.touchscreen.tap(c.x, c.y);
  await inputIdle();
}
// Colours of the page at points of the canvas (CSS px), from a screenshot (device pixels).
async function pixels(points) {
  const png = await page.screenshot();
  return page.evaluate(async ([b64, pts, at]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const k = img.width / window.innerWidth;
    return pts.map(([x, y]) => Array.from(g.getImageData(Math.round((at.x + x) * k), Math.round((at.y + y) * k), 1, 1).data.slice(0, 3)));
  }, [png.toString('base64'), points, canvasAt]);
}
// WCAG 2.1 contrast ratio of two sRGB colours (0..255).
function contrast(a, b) {
  const lum = (c) => { const [r, g, bl] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                       return 0.2126 * r + 0.7152 * g + 0.0722 * bl; };
  const la = lum(a), lb = lum(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
// Every control of the accessible mirror (what a screen reader offers, where it
// is on the page), as [name, width, height] in CSS px.
const mirrorControls = () => page.evaluate(() => [...document.querySelectorAll('#nd-a11y > :not(h1)')].map((e) => {
  const r = e.getBoundingClientRect();
  return [e.getAttribute('aria-label'), Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
}));
async function tapItem(suffix) {
  const s = await waitFor((s) => endsWith(s, suffix), `item ${suffix}`);
  await tapRect(s.items[endsWith(s, suffix)]);
}
// A finger drag through the DevTools protocol (Playwright's touchscreen only taps).
async function drag(x, y0, y1, steps = 12) {
  const pt = (y) => [{ x: canvasAt.x + x, y: canvasAt.y + y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(y0) });
  for (let i = 1; i <= steps; ++i) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(y0 + (y1 - y0) * i / steps) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await inputIdle();   // the glide has stopped
}
// Scrolls (by dragging inside the page, above the Log page's Save bar) until
// the item is fully on screen and drawn (the page reports items scrolled out of
// their window with visible = 0).
async function scrollTo(suffix) {
  for (let i = 0; i < 20; ++i) {
    const s = await waitFor((s) => endsWith(s, suffix), `item ${suffix}`);
    const r = s.items[endsWith(s, suffix)];
    const save = endsWith(s, '  Save');
    const bottom = Math.min(canvasAt.h - 80, save && !suffix.endsWith('Save') ? s.items[save][1] - 8 : canvasAt.h);   // above the tab bar
    if (r[4] && r[1] >= 80 && r[3] <= bottom) {
      // Still moving (a glide, or the page scrolling itself)? Read it again.
      await settled();
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
// An emoji outside the Basic Multilingual Plane: a surrogate pair in JavaScript,
// four bytes in UTF-8 (it used to be stored as U+FFFD).
const EMOJI = '\u{1F9B6}';   // foot
const NOTE = `Pins and needles after the bus ${EMOJI}`;
const PAGE_EXPORT = 9, PAGE_SETTINGS = 7;   // app::Page

try {
  // ---- First visit: an empty diary ----
  await page.goto(base + '?test');
  await open();
  let s = await state();
  check(s.open_error === '', 'the diary opened in IndexedDB storage');
  check(s.narrow, 'phone layout at 390x844');
  await page.screenshot({ path: path.join(shots, 'phone-welcome.png') });
  await tapRect(await scrollTo('Start logging'));
  s = await waitFor((s) => Object.keys(s.regions).length > 0, 'the body map');
  check(s.page === 1, 'Start logging opens the Log page');

  // ---- The phone layout: the front view whole above Save, Save on the tab bar ----
  await tapItem('bodyview:Front');
  s = await waitFor((s) => s.body_view === 0 && s.regions['toes:left'], 'the front view of the body map');
  await settled();
  s = await state();
  const save0 = s.items[endsWith(s, '  Save')];
  const legs = Object.values(s.regions);
  const legsTop = Math.min(...legs.map((r) => r[1])), legsBottom = Math.max(...legs.map((r) => r[3]));
  check(legsTop >= 0 && legsBottom <= save0[1],
        `the whole front view (hips to toes) is above Save on the first screen (${legsTop}..${legsBottom}, Save from ${save0[1]})`);
  const band = s.items['tab:log'][1] - save0[3];
  check(band >= 0 && band <= 24, `no empty band between Save and the tab bar (${band.toFixed(0)} CSS px; it was 72)`);
  // (The state gives tenths of a CSS px, the mirror whole ones: half a pixel is rounding.)
  const smallRegions = Object.entries(s.regions).filter(([, r]) => r[2] - r[0] < 43.5 || r[3] - r[1] < 43.5);
  check(smallRegions.length === 0, `every front-view region's tap area is at least 44x44 CSS px (${legs.length} regions; ankles were 25x34)` +
        (smallRegions.length ? `: ${JSON.stringify(smallRegions)}` : ''));
  await page.waitForFunction(() => document.querySelector('#nd-a11y [data-key="region:toes:left"]'), null, { timeout: 10000 });
  const controls = await mirrorControls();
  const tooSmall = controls.filter(([, , , w, h]) => w < 43.5 || h < 43.5);
  check(controls.length > 20 && tooSmall.length === 0,
        `every control in the accessibility mirror of the Log page is at least 44x44 CSS px (${controls.length} controls)` +
        (tooSmall.length ? `; too small: ${JSON.stringify(tooSmall)}` : ''));
  await page.screenshot({ path: path.join(shots, 'phone-log-front.png') });

  // ---- Tap the body map: the toes, at the bottom of the front view ----
  const regionNames = Object.keys(s.regions);
  const pick = 'toes:left';
  console.log(`  tapping region ${pick} of ${regionNames.length} at ${JSON.stringify(s.regions[pick])}`);
  await tapRect(s.regions[pick]);
  const toesOn = await page.waitForFunction(() => { const e = document.querySelector('#nd-a11y [data-key="region:toes:left"]');
                                                    return e && e.getAttribute('aria-checked') === 'true'; }, null, { timeout: 10000 })
    .then(() => true, () => false);
  check(toesOn, 'a tap at the toes of the front view selects them (the mirror\'s "Left toes" is checked)');
  s = await state();
  await settled();
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
  // A word composed by the keyboard (IME) is shown while it is composed, and
  // corrections during the composition replace it.
  await cdp.send('Input.imeSetComposition', { text: 'Pint', selectionStart: 4, selectionEnd: 4 });
  s = await waitFor((s) => s.draft_note === 'Pint', 'the composition shown', 5000).catch(() => state());
  check(s.draft_note === 'Pint', `a word being composed shows in the note as it is typed ("${s.draft_note}")`);
  await cdp.send('Input.imeSetComposition', { text: 'Pins', selectionStart: 4, selectionEnd: 4 });
  s = await waitFor((s) => s.draft_note === 'Pins', 'the corrected composition', 5000).catch(() => state());
  check(s.draft_note === 'Pins', `a correction within the composition replaces it ("${s.draft_note}")`);
  await cdp.send('Input.insertText', { text: 'Pins' });   // the keyboard commits the word
  await inputIdle();
  // What a phone keyboard sends: input events, no key presses. The emoji comes
  // after the keyboard is closed, opened again and the page shortened (below).
  const BEFORE_EMOJI = NOTE.slice(0, -EMOJI.length);
  await page.keyboard.insertText(BEFORE_EMOJI.slice(4));
  s = await waitFor((s) => s.draft_note === BEFORE_EMOJI, 'the typed note in the form', 5000).catch(() => state());
  check(s.draft_note === BEFORE_EMOJI, `the composed word and the typed rest are in the form ("${s.draft_note}")`);

  // The keyboard is dismissed (the hidden input loses focus); a tap on the field brings it back.
  await page.evaluate(() => document.getElementById('nd-text').blur());
  await waitFor((s) => !s.text_active, 'the field let go after the keyboard was dismissed', 5000).catch(() => {});
  await settled();
  const noteAgain = (await state()).items['##note'];
  await tapRect(noteAgain);
  const refocused = await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'nd-text', null, { timeout: 5000 })
    .then(() => true, () => false);
  check(refocused, 'after the keyboard was dismissed, a tap on the note brings the keyboard back');

  // The page shortened as an on-screen keyboard would: the note is scrolled above it.
  await page.setViewportSize({ width: 390, height: 420 });
  // On screen means above what is pinned below the form (Save) and still being typed in.
  const noteShown = (s) => { const n = s.items['##note'], sv = s.items[endsWith(s, '  Save')];
                             return n && sv && n[4] && n[1] >= 0 && n[3] <= Math.min(420, sv[1]) && s.text_active; };
  s = await waitFor(noteShown, 'the note above the keyboard', 10000).catch(() => state());
  const nr = s.items['##note'];
  const focusNow = await page.evaluate(() => document.activeElement && document.activeElement.id);
  console.log(`  after the resize: text field active ${s.text_active}, focus on ${focusNow}, visible bottom ${await page.evaluate(() => ndWeb.visibleBottom())}`);
  check(noteShown(s) && focusNow === 'nd-text',
        `with the page 420 px tall (a keyboard open), the note field is still typed in and shown above Save (y ${nr && nr[1]}..${nr && nr[3]}, Save from ${(s.items[endsWith(s, '  Save')] || [])[1]})`);
  await page.keyboard.insertText(EMOJI);   // still typing into the note: an emoji (a surrogate pair)
  s = await waitFor((s) => s.draft_note === NOTE, 'the emoji typed after the resize', 5000).catch(() => state());
  check(s.draft_note === NOTE, `typing goes on after the page was shortened: the emoji is in the note ("${s.draft_note}")`);
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-keyboard-note.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await settled();

  // ---- Save ----
  await watchStatus();
  const saveRect = await scrollTo('  Save');
  await tapRect(saveRect);
  s = await waitFor((s) => s.episodes.length === 1, 'the saved episode');
  check(s.episodes[0].regions.includes('toes:left'), `the stored episode has the tapped toes (${s.episodes[0].regions})`);
  check(s.episodes[0].note === NOTE, `the episode has the typed note ("${s.episodes[0].note}")`);
  check(/Saved/.test(s.toast), `the app says "${s.toast}"`);
  await page.waitForFunction(() => ndWeb.storage === 'stored' && ndWeb.syncCount > 0, null, { timeout: 15000 });
  const seen = await page.evaluate(() => window.ndStatusSeen);
  check(seen.indexOf('Not yet stored…') >= 0 && seen.indexOf('Stored on this device') > seen.indexOf('Not yet stored…'),
        `the page said "Not yet stored…", then "Stored on this device" (${JSON.stringify(seen)})`);
  // IDBFS keeps each file as a record of the IndexedDB database named after the folder.
  const stored = await page.evaluate(() => new Promise((ok) => {
    const req = indexedDB.open('/data');
    req.onerror = () => ok(null);
    req.onsuccess = () => {
      const tx = req.result.transaction('FILE_DATA', 'readonly');
      const get = tx.objectStore('FILE_DATA').get('/data/diary.sqlite');
      get.onsuccess = () => ok(get.result && get.result.contents ? get.result.contents.length : null);
      get.onerror = () => ok(null);
    };
  }));
  const inMemory = await page.evaluate(() => Module.FS.stat('/data/diary.sqlite').size);
  check(stored === inMemory && stored > 0, `IndexedDB holds the diary file as the app has it (${stored} of ${inMemory} bytes)`);

  // The first save asks the browser to keep the diary (stubbed answer: no), explains
  // why, and offers a backup download.
  await page.waitForFunction(() => !document.getElementById('nd-keep').hidden &&
                                   !document.getElementById('nd-keep-backup').hidden, null, { timeout: 10000 }).catch(() => {});
  const keep = await page.evaluate(() => ({ calls: window.ndTestPersistCalls, text: document.getElementById('nd-keep-text').textContent,
                                            offer: !document.getElementById('nd-keep-backup').hidden }));
  check(keep.calls === 1, `the first save asked for persistent storage once (${keep.calls} call(s))`);
  check(keep.offer && /did not agree/.test(keep.text), `refused: the page says so and offers "Download a backup now" ("${keep.text.slice(0, 60)}…")`);
  s = await state();
  check(s.storage_at_risk && /did not agree/.test(s.storage_note), `Settings' sentence says the browser may clear the diary ("${s.storage_note.slice(0, 70)}…")`);
  await page.screenshot({ path: path.join(shots, 'phone-keep-refused.png') });
  await page.getByRole('button', { name: 'Download a backup now' }).tap();
  s = await waitFor((s) => s.page === PAGE_EXPORT && s.export_format === 3, 'the Export page with Backup chosen', 10000).catch(() => state());
  check(s.page === PAGE_EXPORT && s.export_format === 3, 'its "Download a backup now" opens Export with Backup chosen');
  const id = s.episodes[0].id;

  // ---- Reload: the episode is still there ----
  await page.reload();
  await open();
  s = await state();
  check(s.episodes.length === 1 && s.episodes[0].id === id, `after a reload the episode ${id} is still in the diary`);
  check(s.episodes.length === 1 && s.episodes[0].note === NOTE, 'after a reload the episode still has its note');
  check(s.page === 1, 'after a reload the app opens on Log (first run done, kept in the diary)');
  await tapItem('tab:diary');
  s = await waitFor((s) => s.items['diary:episode:' + id], 'the episode row in the Diary', 10000).catch(() => state());
  check(!!s.items['diary:episode:' + id], 'the Diary page lists the episode');
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-diary-after-reload.png') });

  // ---- Export: no PDF on the web (the desktop app makes it); CSV, FHIR and a backup as downloads ----
  await tapItem('tab:more');
  await tapItem('  Export & backup');
  s = await waitFor((s) => s.items['format:csv'] && s.items['format:pdf'], 'the Export page');
  check(s.page === PAGE_EXPORT, 'the Export page opens from More');
  await settled();
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
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    check(name.endsWith(ext) && ok(text), `${key.slice(7)}: downloaded ${name} (${text.length} bytes)`);
    if (key === 'format:csv') {
      const bytes = fs.readFileSync(file);
      check(bytes.includes(Buffer.from(EMOJI, 'utf8')) && !bytes.includes(Buffer.from([0xEF, 0xBF, 0xBD])),
            'the CSV holds the emoji as its four UTF-8 bytes (F0 9F A6 B6), no U+FFFD');
    }
    if (key === 'format:backup') {
      backupFile = path.join(shots, name);
      fs.copyFileSync(file, backupFile);
    }
    if (key === 'format:csv') {
      await waitFor((s) => s.items['export:download_again'], 'the Downloaded card');
      await settled();
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
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-offline.png') });
  await context.setOffline(false);
  await context.close();

  // ---- A second phone (or a browser that lost the diary): bring the backup back ----
  [context, page, cdp] = await launch();
  // An iPhone's safe area (the notch 47 px, the home indicator 34 px), as env(safe-area-inset-*) sees it.
  const INSET_TOP = 47, INSET_BOTTOM = 34;
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: INSET_TOP, topMax: INSET_TOP, bottom: INSET_BOTTOM,
                                                                     bottomMax: INSET_BOTTOM, left: 0, leftMax: 0, right: 0, rightMax: 0 } });
  await page.goto(base + '?test');
  await open();
  await whereIsCanvas();
  const canvasBox = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
  check(canvasBox[1] === INSET_TOP && canvasBox[3] === 844 - INSET_BOTTOM && canvasBox[0] === 0 && canvasBox[2] === 390,
        `with iPhone insets the app's canvas fills the safe area only (${canvasBox})`);
  // Inside the safe area, for every control a screen reader (or a finger) finds on the page.
  const insideSafeArea = async (where) => {
    await settled();
    const all = await mirrorControls();
    const small = all.filter(([, , , w, h]) => w < 43.5 || h < 43.5);
    check(all.length > 0 && small.length === 0, `${where}: every control of the accessibility mirror is at least 44x44 CSS px (${all.length})` +
          (small.length ? `; too small: ${JSON.stringify(small)}` : ''));
    // Drawn on screen (in the canvas's view), not scrolled out of it: inside the safe area.
    const out = all.filter(([, , y, , h]) => y + h > INSET_TOP && y < 844 - INSET_BOTTOM)
      .filter(([, , y, , h]) => y < INSET_TOP || y + h > 844 - INSET_BOTTOM);
    const pill = await page.evaluate(() => { const r = document.getElementById('nd-status').getBoundingClientRect(); return [r.top, r.bottom]; });
    check(out.length === 0 && pill[0] >= INSET_TOP && pill[1] <= 844 - INSET_BOTTOM,
          `${where}: every control and the storage pill are inside the safe area` + (out.length ? `; outside: ${JSON.stringify(out)}` : ''));
  };
  await insideSafeArea('the first page, with iPhone insets');
  await page.evaluate(() => localStorage.setItem('ndTestPersist', 'yes'));   // this browser agrees to keep it
  await tapRect(await scrollTo('Start logging'));
  await tapItem('tab:more');
  await tapItem('  Export & backup');
  await tapRect(await scrollTo('format:restore'));
  const choose = await scrollTo('restore:choose');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), tapRect(choose)]);
  check(!chooser.isMultiple() && /\.ndbackup/.test(await chooser.element().getAttribute('accept')),
        'Choose a backup file opens the phone\'s own file chooser (<input type=file accept=.ndbackup,.json>)');
  await chooser.setFiles(backupFile);
  s = await waitFor((s) => s.restore_path !== '', 'the chosen file in the restore card', 10000);
  await tapRect(await scrollTo('restore:go'));
  await tapRect(await scrollTo('restore:yes'));
  s = await waitFor((s) => s.episodes.length === 1, 'the restored episode', 20000).catch(() => state());
  check(s.episodes.length === 1 && s.episodes[0].id === id && s.episodes[0].note === NOTE,
        `the backup picked in the file chooser is combined into the empty diary: episode ${id} with its note and emoji`);
  check(/combined|restored/i.test(s.restore_done + ' ' + s.toast), `the app says what it did ("${s.restore_done}")`);
  await page.waitForFunction(() => ndWeb.storage === 'stored' && ndWeb.syncCount > 0, null, { timeout: 15000 });
  await page.waitForFunction(() => ndWeb.persisted === true, null, { timeout: 10000 }).catch(() => {});
  const keep2 = await page.evaluate(() => ({ calls: window.ndTestPersistCalls, text: document.getElementById('nd-keep-text').textContent,
                                             offer: !document.getElementById('nd-keep-backup').hidden }));
  check(keep2.calls === 1 && !keep2.offer && /agreed/.test(keep2.text), `granted: the first save asked once, the page says the browser agreed ("${keep2.text.slice(0, 60)}…")`);
  s = await state();
  check(!s.storage_at_risk && /has agreed/.test(s.storage_note), `Settings' sentence says the browser keeps it ("${s.storage_note.slice(0, 70)}…")`);
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-restored.png') });
  const sheet = await page.evaluate(() => { const r = document.getElementById('nd-keep').getBoundingClientRect(); return [r.top, r.bottom]; });
  check(sheet[1] <= 844 - INSET_BOTTOM, `the "keeping your diary" sheet sits above the home indicator (${sheet.map(Math.round)})`);
  await page.locator('#nd-keep-close').tap();
  await page.waitForFunction(() => document.getElementById('nd-keep').hidden, null, { timeout: 5000 });

  // Settings shows that sentence (no "Open the folder" on the web).
  await tapItem('tab:more');
  await tapItem('  Settings');
  s = await waitFor((s) => s.page === PAGE_SETTINGS && s.items['storage_note'], 'Settings with the storage sentence', 10000).catch(() => state());
  check(s.page === PAGE_SETTINGS && !!s.items['storage_note'] && !Object.keys(s.items).some((k) => k.includes('Open the folder')),
        'Settings shows how the browser keeps the diary, and no "Open the folder"');
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-settings-storage.png') });
  await insideSafeArea('Settings, with iPhone insets');

  // ---- Dark: the body map stands out from the page ----
  const darkKey = Object.keys(s.items).find((k) => k.startsWith('theme:') && k.endsWith(' Dark'));
  await tapRect(await scrollTo(darkKey));
  s = await waitFor((s) => s.theme === 1, 'the dark theme', 5000).catch(() => state());
  check(s.theme === 1, 'Settings switches the app to Dark');
  await tapItem('tab:log');
  s = await waitFor((s) => s.page === 1 && s.regions['sole:left'] && s.regions['heel:left'], 'the Log page, soles view', 10000);
  await tapRect(s.regions['heel:left']);   // marked: the accent
  await settled();
  s = await state();
  const mid = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
  const sole = s.regions['sole:left'], heel = s.regions['heel:left'];
  const between = [(sole[2] + s.regions['sole:right'][0]) / 2, (sole[1] + sole[3]) / 2];   // the page between the feet
  const [fillPx, markedPx, pagePx, notchPx] = await pixels([mid(sole), mid(heel), between, [195, -INSET_TOP / 2]]);
  check(contrast(notchPx, pagePx) < 1.1, `dark: the band under the notch (outside the canvas) has the app's background (rgb ${notchPx}, the app's ${pagePx})`);
  const fillVsPage = contrast(fillPx, pagePx), markedVsFill = contrast(markedPx, fillPx);
  check(fillVsPage >= 1.8 && markedVsFill >= 3,
        `dark: the unmarked foot stands out from the page (${fillVsPage.toFixed(2)}:1, rgb ${fillPx} on ${pagePx}; it was 1.4:1) ` +
        `and a marked part from it (${markedVsFill.toFixed(2)}:1, rgb ${markedPx})`);
  await page.screenshot({ path: path.join(shots, 'phone-log-dark.png') });
  await tapItem('bodyview:Front');
  await waitFor((s) => s.body_view === 0 && s.regions['toes:left'], 'the front view', 10000);
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-log-front-dark.png') });
  await insideSafeArea('the Log page, with iPhone insets');
  await tapItem('bodyview:Soles');
  await tapRect((await waitFor((s) => s.regions['heel:left'], 'the soles view', 10000)).regions['heel:left']);   // unmarked again
  await page.waitForFunction(() => { const e = document.querySelector('#nd-a11y [data-key="region:heel:left"]');
                                     return e && e.getAttribute('aria-checked') === 'false'; }, null, { timeout: 10000 }).catch(() => {});

  // ---- The Log flow through the accessibility tree alone (the mirror over the canvas) ----
  // Only roles and names, as a screen reader finds them; activating an element
  // is a click on it (what TalkBack and VoiceOver send), never a tap at a place.
  const byRole = (role, name) => page.getByRole(role, { name, exact: true });
  const activate = async (loc) => { await loc.dispatchEvent('click'); await inputIdle(); };
  const tree = await cdp.send('Accessibility.getFullAXTree');
  const named = tree.nodes.filter((n) => !n.ignored && n.name && n.name.value).length;
  check(named > 20, `the accessibility tree has ${named} named nodes on the Settings page (was 8 nodes in all)`);
  await activate(byRole('link', 'Log'));
  await page.waitForFunction(() => document.querySelector('#nd-a11y h1') && document.querySelector('#nd-a11y h1').textContent === 'Log',
                             null, { timeout: 10000 });
  const heard = await page.evaluate(() => document.getElementById('nd-live').textContent);
  check(heard === 'Log', `the live region announced the page ("${heard}")`);
  // The first body-map region on the left the tree offers ("Left toes", "Left shin", ...).
  const regionName = await page.getByRole('checkbox', { name: /^Left / }).first().getAttribute('aria-label');
  await activate(byRole('checkbox', regionName));
  const regionOn = await page.waitForFunction((n) => { const e = [...document.querySelectorAll('#nd-a11y [role=checkbox]')].find((x) => x.getAttribute('aria-label') === n);
                                                      return e && e.getAttribute('aria-checked') === 'true'; }, regionName, { timeout: 20000 }).then(() => true, () => false);
  check(regionOn, `the body-map checkbox "${regionName}" is checked after activating it`);
  await activate(byRole('checkbox', 'Face drooping'));   // scrolled out of view: the mirror scrolls it in, then taps
  await waitFor((s) => s.items['log_warning'], 'the warning card after a warning sign', 10000).catch(() => {});
  await activate(byRole('button', 'Save'));
  s = await waitFor((s) => s.red_flags > 0 && s.items['call_banner'], 'the warning screen', 15000).catch(() => state());
  check(s.red_flags > 0 && s.episodes.length === 2, `Save through the tree saved the episode and raised the warning (${s.episodes.length} episodes)`);

  // ---- The warning: "Call ... now" is a real tel: link, found by its role ----
  const callLoc = page.getByRole('link', { name: /^Call \d+ now$/ });
  await callLoc.waitFor({ timeout: 10000 }).catch(() => {});
  const call = await page.evaluate(() => { const a = document.getElementById('nd-call'); const r = a.getBoundingClientRect();
                                           return { href: a.getAttribute('href'), hidden: a.hidden, r: [r.left, r.top, r.right, r.bottom] }; });
  const b0 = s.items['call_banner'] || [0, 0, 0, 0];   // on the page: the canvas sits below the notch
  const banner = [canvasAt.x + b0[0], canvasAt.y + b0[1], canvasAt.x + b0[2], canvasAt.y + b0[3]];
  const over = call.r[0] <= banner[0] + 1 && call.r[1] <= banner[1] + 1 && call.r[2] >= banner[2] - 1 && call.r[3] >= banner[3] - 1;
  check(await callLoc.count() === 1 && !call.hidden && /^tel:\d+$/.test(call.href || '') && over,
        `the warning's "Call ... now" is a tel: link (${call.href}) over the banner (${call.r.map(Math.round)} covers ${banner.slice(0, 4).map(Math.round)})`);
  const pill = await page.evaluate(() => { const r = document.getElementById('nd-status').getBoundingClientRect(); return [r.top, r.bottom]; });
  check(pill[0] > banner[3] || pill[1] < banner[1], `the storage pill is off the call banner (pill y ${pill.map(Math.round)})`);
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-warning-call.png') });
  await insideSafeArea('the warning, with iPhone insets');

  // ---- The browser's text size is followed while the app's own is Normal ----
  // The browser's default font size 24 px instead of 16 (a person's setting; on a
  // phone the system's text size, passed on by <meta name="text-scale">).
  const sizeBefore = (await state()).font_scale;
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));   // the page measures again (also when shown again)
  s = await waitFor((s) => s.font_scale > 1.3, 'the larger text', 10000).catch(() => state());
  const browserScale = await page.evaluate(() => ndWeb.textScale);
  check(sizeBefore === 1 && browserScale === 1.5 && Math.abs(s.font_scale - 1.45) < 0.01,
        `the browser's text size at 150% makes the app's text "Larger" (${sizeBefore} to ${s.font_scale}; the page measured ${browserScale})`);
  await settled();
  await page.screenshot({ path: path.join(shots, 'phone-text-larger.png') });
} catch (e) {
  failures.push(String(e.message || e));
  console.log(`FAIL ${e.message || e}`);
  await page.screenshot({ path: path.join(shots, 'phone-failure.png') }).catch(() => {});
} finally {
  await context.close().catch(() => {});
  server.close();
  for (const dir of userDataDirs) fs.rmSync(dir, { recursive: true, force: true });
}
console.log(failures.length ? `\n${failures.length} check(s) failed` : '\nall checks passed');
process.exit(failures.length ? 1 : 0);
