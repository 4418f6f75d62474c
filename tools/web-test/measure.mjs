// Measures what a phone downloads and how long the app takes to show its first
// frame, cold (a fresh browser profile: no cache, no service worker), in
// Debian's headless Chromium at 390x844, device scale 3:
//   - "local": no throttling (this machine);
//   - "slow 4G": Lighthouse's mobile profile: 1.6 Mbit/s down, 750 kbit/s up,
//     150 ms round trip, CPU slowed 4x (DevTools protocol throttling).
// Transfer size is what went over the wire (compressed where the server sent
// .br/.gz, see serve.mjs); first frame is performance.now() at the app's first
// drawn frame (ndWeb.firstFrameAt, assets/web/nd-web.js), after which it takes taps.
// Each profile is loaded RUNS times (default 3); the median is printed with
// the range, as a Markdown table for docs/web.md.
//   node tools/web-test/measure.mjs SITE_DIR      (tools/web-build.sh measure)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSiteServer } from './serve.mjs';

const site = path.resolve(process.argv[2] || 'build-web/site');
const runs = Number(process.env.RUNS || 3);
const server = createSiteServer(site);
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const profiles = [
  { name: 'local', cpu: 1, net: null },
  { name: 'slow 4G (4x CPU, 1.6 Mbit/s, 150 ms)', cpu: 4,
    net: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 } },
];

async function once(profile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-web-measure-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  });
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.net) await cdp.send('Network.emulateNetworkConditions', profile.net);
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    await page.goto(base + '?nosw', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.ndWeb && window.ndWeb.firstFrameAt, null, { timeout: 180000, polling: 50 });
    const firstFrame = await page.evaluate(() => window.ndWeb.firstFrameAt);
    const mem = await page.evaluate(() => Module.HEAP8.length);
    return { bytes, firstFrame, mem };
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const files = fs.readdirSync(site).filter((f) => !/\.(br|gz)$/.test(f)).sort();
console.log('| File | Size | gzip | brotli |\n|---|---:|---:|---:|');
const kb = (n) => n == null ? '–' : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
for (const f of files) {
  const size = (g) => fs.existsSync(path.join(site, f + g)) ? fs.statSync(path.join(site, f + g)).size : null;
  console.log(`| ${f} | ${kb(size(''))} | ${kb(size('.gz'))} | ${kb(size('.br'))} |`);
}
console.log(`\n| Cold load, ${runs} runs (median, range) | Transferred | First frame | Wasm memory |\n|---|---:|---:|---:|`);
for (const p of profiles) {
  const r = [];
  for (let i = 0; i < runs; ++i) r.push(await once(p));
  const ff = r.map((x) => x.firstFrame);
  console.log(`| ${p.name} | ${kb(median(r.map((x) => x.bytes)))} | ${(median(ff) / 1000).toFixed(2)} s ` +
              `(${(Math.min(...ff) / 1000).toFixed(2)}–${(Math.max(...ff) / 1000).toFixed(2)}) | ` +
              `${(median(r.map((x) => x.mem)) / 1048576).toFixed(0)} MiB |`);
}
server.close();
