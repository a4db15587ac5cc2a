#!/usr/bin/env node
// Khabar in the browser: how fast, how much memory, how soon something shows.
// Prints figures and whether the targets are met; asserts nothing.
//
//   node www/build.mjs && node tests/bench/browser.mjs
//
// Headless Chromium (path and flags from wasm-pack.toml [browser]) through
// playwright-core, pages served by the page tests' loopback server over
// dist/site (tests/page/helpers.mjs):
//   (a) the release wasm's annotate() on 60 KB, 1 MB and 10 MB (UTF-8) of
//       Arabic news built from www/samples.js repeated and varied (each copy
//       rotates a sample's paragraphs and shifts its ASCII digits; one
//       document per copy), in a blank page, a fresh page per size: best of
//       a few runs, MB/s, peak wasm memory (memory.buffer.byteLength after
//       the runs: wasm memory only grows; less the memory after a warm-up
//       call has built the lexicons, printed apart) and the 10 MB / 60 KB time-per-MB
//       ratio (1.0 = linear);
//   (b) navigation start → first highlighted mention on screen, median of 5
//       cold loads (a new browser context each), for the demo page over http
//       and for dist/khabar.html from file://;
//   (c) a 10 MB text added in the demo page (annotated in its worker): the
//       longest main-thread task while the worker works and while the result
//       is shown.
// The machine's other load shows in these numbers: run it on a quiet one.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SINGLE_FILE_URL, SITE, firstHighlight, launchBrowser, newsCorpus, startServer, watchFirstHighlight } from '../page/helpers.mjs';
import { ROOT, projectSettings } from '../../www/project-settings.mjs';
import { SAMPLE_ARTICLES } from '../../www/samples.js';

const SIZES = [
  { label: '60 KB', bytes: 60e3, runs: 7 },
  { label: '1 MB', bytes: 1e6, runs: 4 },
  { label: '10 MB', bytes: 10e6, runs: 3 },
];
const LOADS = 5;
const TARGET_MB_S = 10;
const TARGET_MEMORY_RATIO = 10;
const TARGET_FIRST_MARK_MS = 300;
const VIEWPORT = { width: 1280, height: 1600 }; // the first article on screen without scrolling

const settings = projectSettings();
const WASM = join(SITE, 'pkg', `${settings.build.out_name}_bg.wasm`);

// A blank page that only loads the wasm-bindgen glue.
const BENCH_PAGE = `<!doctype html><meta charset="utf-8"><title>Khabar bench</title><link rel="icon" href="data:,">
<script type="module">
import init, { annotate, version } from '/pkg/${settings.build.out_name}.js';
window.__khabar = { init, annotate, version };
</script>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1e6;
const fmt = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);

async function newPage(browser, url, init) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, context, errors };
}

/** (a) annotate() in a blank page. */
async function wasmRuns(browser, origin) {
  const rows = [];
  for (const size of SIZES) {
    const { page, context, errors } = await newPage(browser, `${origin}/bench.html`);
    await page.waitForFunction(() => window.__khabar);
    const row = await page.evaluate(
      async ({ src, samples, bytes, runs }) => {
        const newsCorpus = new Function(`return (${src})`)();
        const docs = newsCorpus(samples, bytes);
        const encoder = new TextEncoder();
        const size = docs.reduce((n, d) => n + encoder.encode(d.text).length, 0);
        const exports = await window.__khabar.init();
        const afterInit = exports.memory.buffer.byteLength;
        // The lexicons and gazetteer are built once, on the first call: a
        // fixed cost of the engine, reported apart from what an input costs.
        window.__khabar.annotate([{ name: 'warm-up', text: 'قال الوزير في القاهرة يوم الأحد.' }]);
        const baseline = exports.memory.buffer.byteLength;
        const times = [];
        let counts = null;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const result = window.__khabar.annotate(docs);
          times.push(performance.now() - t);
          counts ||= { mentions: result.documents.reduce((n, d) => n + d.mentions.length, 0), entities: result.entities.length, timeline: result.timeline.length };
        }
        return { docs: docs.length, bytes: size, chars: docs.reduce((n, d) => n + d.text.length, 0), times, memory: exports.memory.buffer.byteLength, baseline, afterInit, counts, version: window.__khabar.version() };
      },
      { src: newsCorpus.toString(), samples: SAMPLE_ARTICLES, bytes: size.bytes, runs: size.runs },
    );
    rows.push({ ...size, ...row, best: Math.min(...row.times) / 1000, first: row.times[0] / 1000, errors });
    await context.close();
  }
  return rows;
}

/** (b) navigation → first highlighted mention, median of LOADS cold loads. */
async function firstMarks(browser, url) {
  const marks = [];
  const ready = [];
  const errors = [];
  for (let i = 0; i < LOADS; i++) {
    const s = await newPage(browser, url, watchFirstHighlight);
    const t = await firstHighlight(s.page);
    marks.push(t.mark);
    ready.push(t.ready);
    errors.push(...s.errors);
    await s.context.close();
  }
  return { mark: median(marks), ready: median(ready), marks, errors };
}

// Init script for (c): long tasks, and when the worker's result arrives.
function watchTasks() {
  window.__longTasks = [];
  window.__results = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'result') window.__results.push(performance.now());
      });
    }
  };
}

/** (c) a 10 MB text in the demo page: main-thread long tasks. */
async function pageResponsiveness(browser, origin) {
  const { page, context, errors } = await newPage(browser, `${origin}/index.html`, watchTasks);
  await page.waitForFunction(() => {
    const el = document.querySelector('khabar-lens');
    return el && el.result && el.engineMode && !el.hasAttribute('busy');
  });
  const out = await page.evaluate(
    async ({ src, bytes }) => {
      const el = document.querySelector('khabar-lens');
      const newsCorpus = new Function(`return (${src})`)();
      const text = newsCorpus(el.articles, bytes).map((d) => d.text).join('\n');
      const size = new TextEncoder().encode(text).length;
      await new Promise((r) => setTimeout(r, 500));
      const start = performance.now();
      await el.addArticles([{ name: 'ten-megabytes.txt', text }]);
      const shown = performance.now();
      const box = () => el.shadowRoot.querySelector('.doc[data-file="ten-megabytes.txt"] .chunk.pending');
      while (box()) await new Promise((r) => setTimeout(r, 50));
      const built = performance.now();
      await new Promise((r) => setTimeout(r, 300));
      const arrived = window.__results.at(-1);
      const longest = (from, to) => Math.max(0, ...window.__longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration));
      return { bytes: size, annotate: (arrived - start) / 1000, shown: (shown - start) / 1000, built: (built - start) / 1000, during: longest(start, arrived - 1), delivery: longest(arrived - 1, built + 300), mode: el.engineMode };
    },
    { src: newsCorpus.toString(), bytes: 10e6 },
  );
  await context.close();
  return { ...out, errors };
}

async function main() {
  for (const file of [join(SITE, 'index.html'), WASM, join(ROOT, settings.build.single_file)]) {
    if (!existsSync(file)) {
      console.error(`${file} is missing: run \`node www/build.mjs\` first`);
      process.exit(1);
    }
  }
  const server = await startServer({ '/bench.html': ['text/html; charset=utf-8', BENCH_PAGE] });
  const browser = await launchBrowser();
  try {
    const wasm = await wasmRuns(browser, server.origin);
    const site = await firstMarks(browser, `${server.origin}/index.html`);
    const single = await firstMarks(browser, SINGLE_FILE_URL);
    const big = await pageResponsiveness(browser, server.origin);

    const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
    console.log(`Khabar browser benchmark — Chromium ${browser.version()} headless, core v${wasm[0].version}, release wasm ${kb(statSync(WASM).size)}`);
    console.log('');
    console.log('(a) annotate() in a blank page (main thread), best of N runs; peak = wasm memory after the runs, less the engine\'s one-time set-up');
    console.log(`  ${pad('input', 7)}${padL('bytes', 11)}${padL('docs', 6)}${padL('runs', 5)}${padL('best s', 9)}${padL('MB/s', 7)}${padL('1st run s', 10)}${padL('peak MB', 9)}${padL('× input', 9)}`);
    for (const r of wasm) {
      console.log(
        `  ${pad(r.label, 7)}${padL(r.bytes, 11)}${padL(r.docs, 6)}${padL(r.runs, 5)}${padL(fmt(r.best, 3), 9)}${padL(fmt(mb(r.bytes) / r.best, 2), 7)}${padL(fmt(r.first, 3), 10)}${padL(fmt(mb(r.memory - r.baseline), 1), 9)}${padL(fmt((r.memory - r.baseline) / r.bytes, 1), 9)}`,
      );
    }
    const [small, , large] = wasm;
    const linearity = large.best / mb(large.bytes) / (small.best / mb(small.bytes));
    console.log(`  linearity (10 MB s/MB ÷ 60 KB s/MB): ${fmt(linearity, 2)}   (wasm memory right after init: ${fmt(mb(small.afterInit), 1)} MB; after the one-time set-up: ${fmt(mb(small.baseline), 1)} MB)`);
    console.log(`  10 MB found: ${large.counts.mentions} mentions, ${large.counts.entities} entities, ${large.counts.timeline} timeline items`);
    console.log('');
    console.log(`(b) navigation start → first highlighted mention on screen (${VIEWPORT.width}×${VIEWPORT.height}), median of ${LOADS} cold loads`);
    for (const [name, t] of [['demo page over http', site], ['dist/khabar.html, file://', single]]) {
      console.log(`  ${pad(name, 27)}${padL(Math.round(t.mark), 5)} ms   (loads: ${t.marks.map(Math.round).join(', ')}; engine ready ${Math.round(t.ready)} ms)`);
    }
    console.log('');
    console.log(`(c) ${fmt(mb(big.bytes), 1)} MB pasted into the demo page (engine: ${big.mode})`);
    console.log(`  worker annotation ${fmt(big.annotate, 2)} s; shown ${fmt(big.shown, 2)} s; every chunk of the text built ${fmt(big.built, 2)} s after adding`);
    console.log(`  longest main-thread task while the worker annotates: ${Math.round(big.during)} ms`);
    console.log(`  longest main-thread task from the result's arrival until fully built: ${Math.round(big.delivery)} ms`);
    console.log('');
    const best = large.best;
    const rate = mb(large.bytes) / best;
    const verdict = (ok) => (ok ? 'met' : 'NOT met');
    // At 60 KB the core's fixed tables (several MB) dwarf the input: judged at 1 MB and 10 MB.
    const memory = wasm.slice(1).map((r) => `${r.label} ${fmt((r.memory - r.baseline) / r.bytes, 1)}× — ${verdict((r.memory - r.baseline) / r.bytes < TARGET_MEMORY_RATIO)}`);
    console.log('Targets');
    console.log(`  ≥ ${TARGET_MB_S} MB/s in the browser (10 MB):          ${fmt(rate, 2)} MB/s — ${verdict(rate >= TARGET_MB_S)}`);
    console.log(`  peak wasm memory < ${TARGET_MEMORY_RATIO}× input:               ${memory.join('; ')}`);
    const slowest = Math.max(site.mark, single.mark);
    console.log(`  highlighted samples within ${TARGET_FIRST_MARK_MS} ms of load:    ${Math.round(site.mark)} ms (http), ${Math.round(single.mark)} ms (file://) — ${verdict(slowest <= TARGET_FIRST_MARK_MS)}`);
    const errors = [...wasm.flatMap((r) => r.errors), ...site.errors, ...single.errors, ...big.errors];
    if (errors.length) console.log(`\nPage errors seen: ${[...new Set(errors)].join(' | ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
