// How long after navigation the sample articles show highlighted: printed
// (median of a few cold loads, each in a new browser context), not asserted
// tightly — speed is the benchmark's business (tests/bench/browser.mjs).
// A mention counts once it has a box inside the viewport.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SINGLE_FILE_URL, assertBuilt, firstHighlight, launchBrowser, openPage, startServer, watchFirstHighlight } from './helpers.mjs';

const LOADS = 3;
let server;
let browser;

before(async () => {
  assertBuilt();
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A tall viewport, so the first article is on screen without scrolling.
async function measure(url) {
  const marks = [];
  const ready = [];
  for (let i = 0; i < LOADS; i++) {
    const s = await openPage(browser, url, { init: watchFirstHighlight, viewport: { width: 1280, height: 1600 } });
    const t = await firstHighlight(s.page);
    marks.push(t.mark);
    ready.push(t.ready);
    await s.finish();
  }
  return { mark: median(marks), ready: median(ready), marks };
}

test('navigation to highlighted sample articles (printed)', async () => {
  const site = await measure(`${server.origin}/index.html`);
  const single = await measure(SINGLE_FILE_URL);
  for (const [name, t] of [['demo page over http', site], ['dist/khabar.html from file://', single]]) {
    console.log(`# ${name}: first highlighted mention ${Math.round(t.mark)} ms after navigation (median of ${LOADS}: ${t.marks.map(Math.round).join(', ')}); engine ready ${Math.round(t.ready)} ms`);
    assert.ok(t.mark > 0 && t.mark < 15000, `${name}: highlighted samples appear (${t.mark} ms)`);
  }
});
