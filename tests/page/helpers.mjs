// Shared by the page tests: a loopback static server for dist/site, Debian's
// Chromium driven by playwright-core with the flags from wasm-pack.toml, and
// a guard that fails a test on any page error, console error or request to
// a host other than the page's own.

import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, projectSettings } from '../../www/project-settings.mjs';

// playwright-core is installed under www/ (www/package.json).
const require = createRequire(join(ROOT, 'www', 'package.json'));
const { chromium } = require('playwright-core');

const settings = projectSettings();
export const SITE = join(ROOT, 'dist', 'site');
export const SINGLE_FILE_URL = pathToFileURL(join(ROOT, settings.build.single_file)).href;
export const SCREENSHOTS = join(ROOT, 'tests', 'page', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export function assertBuilt() {
  for (const file of [join(SITE, 'index.html'), join(SITE, 'pkg', 'khabar_bg.wasm'), join(ROOT, settings.build.single_file)]) {
    assert.ok(existsSync(file), `${file} is missing: run \`node www/build.mjs\` first`);
  }
}

/**
 * Serves dist/site on 127.0.0.1 at a random port; `extra` maps further
 * paths to [content-type, body] (test fixtures).
 */
export async function startServer(extra = {}, root = SITE) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path]) {
      res.writeHead(200, { 'content-type': extra[path][0] });
      res.end(extra[path][1]);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: settings.browser.path, args: settings.browser.args, headless: true });
}

/**
 * Opens `url` in a fresh context and returns {page, context, problems}.
 * `init` (a function) runs in the page before any of its scripts.
 * `problems` collects page errors, console errors and foreign requests;
 * call `finish()` at the end of the test to assert none happened.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, init = null } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  if (init) await context.addInitScript(init);
  const problems = [];
  const own = new URL(url);
  const allowed = (target) => {
    const u = new URL(target);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
    if (own.protocol === 'file:') return u.protocol === 'file:';
    return u.protocol === own.protocol && u.host === own.host;
  };
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (allowed(target)) return route.continue();
    problems.push(`request to a foreign host: ${target}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => {
    if (allowed(req.url())) problems.push(`request failed: ${req.url()} ${req.failure() && req.failure().errorText}`);
  });
  await page.goto(url);
  return {
    page,
    context,
    problems,
    async finish() {
      await context.close();
      assert.deepEqual(problems, [], 'the page reported errors or reached another host');
    },
  };
}

/**
 * Waits until the widget has loaded its engine and shows a result (the
 * samples may show before the engine is ready: they come annotated).
 */
export async function waitForResult(page, selector = 'khabar-lens') {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return el && el.result && el.engineMode && !el.hasAttribute('busy');
    },
    selector,
    { timeout: 30000 },
  );
}

/** Waits until the widget is idle (no annotation running). */
export async function waitIdle(page, selector = 'khabar-lens') {
  await page.waitForFunction((sel) => !document.querySelector(sel).hasAttribute('busy'), selector, { timeout: 30000 });
}

export async function screenshot(page, name, options = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

/** Counts core output of the current result: {mentions, entities, timeline}. */
export function resultCounts(page, selector = 'khabar-lens') {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel).result;
    return {
      documents: r.documents.length,
      mentions: r.documents.reduce((n, d) => n + d.mentions.length, 0),
      entities: r.entities.length,
      timeline: r.timeline.length,
    };
  }, selector);
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/**
 * About `bytes` (UTF-8) of Arabic news built from `samples` ([{name, text}])
 * repeated and varied: copy k keeps each sample's headline, rotates its
 * other paragraphs by k and shifts every ASCII digit by k (mod 10), so no
 * two copies are the same text. Returns one document per copy of a sample.
 * Self-contained: pass `newsCorpus.toString()` to run it inside a page.
 */
export function newsCorpus(samples, bytes) {
  const size = (text) => {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    }
    return n;
  };
  const docs = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const sample = samples[i % samples.length];
    const copy = Math.floor(i / samples.length);
    const [head, ...body] = sample.text.trim().split(/\n\n+/);
    const turn = body.length ? copy % body.length : 0;
    const text = [head, ...body.slice(turn), ...body.slice(0, turn)]
      .join('\n\n')
      .replace(/[0-9]/g, (d) => String((Number(d) + copy) % 10));
    docs.push({ name: `${copy}-${sample.name}`, text: `${text}\n` });
    total += size(text) + 1;
  }
  return docs;
}

/** Runs newsCorpus in the page on the samples the widget shows; returns nothing (stores window[name]). */
export function buildCorpusInPage(page, bytes, name = '__corpus') {
  return page.evaluate(
    ({ src, bytes, name }) => {
      const newsCorpus = new Function(`return (${src})`)();
      const samples = document.querySelector('khabar-lens').articles;
      window[name] = newsCorpus(samples, bytes);
      return window[name].length;
    },
    { src: newsCorpus.toString(), bytes, name },
  );
}

/**
 * An init script (for openPage's `init`): records in window.__firstMark the
 * time (ms since navigation start) of the first frame in which a highlighted
 * mention of <khabar-lens> has a box on screen, and in window.__engineReady
 * when the engine reported ready.
 */
export function watchFirstHighlight() {
  window.__firstMark = null;
  window.__engineReady = null;
  document.addEventListener('khabar-ready', () => (window.__engineReady = performance.now()));
  const look = () => {
    const el = document.querySelector('khabar-lens');
    const m = el && el.shadowRoot && el.shadowRoot.querySelector('.m');
    if (m) {
      const r = m.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) {
        window.__firstMark = performance.now();
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** Waits for watchFirstHighlight's figures: {mark, ready} in ms since navigation start. */
export async function firstHighlight(page) {
  await page.waitForFunction(() => window.__firstMark !== null && window.__engineReady !== null, null, { timeout: 30000 });
  return page.evaluate(() => ({ mark: window.__firstMark, ready: window.__engineReady }));
}

/** A screenshot of one element (scrolled into view first). */
export async function elementScreenshot(locator, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await locator.screenshot({ path });
  return path;
}
