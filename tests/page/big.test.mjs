// A 10 MB paste (built in the page from the samples, repeated and varied):
// annotated in the worker with progress, the page answering clicks
// meanwhile, cancel keeping everything as it was (the pasted text too), and
// the finished run shown without freezing the page. Timings are printed,
// not asserted tightly: speed is the benchmark's business
// (tests/bench/browser.mjs).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertBuilt, buildCorpusInPage, launchBrowser, openPage, screenshot, startServer, waitForResult } from './helpers.mjs';

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

// Records main-thread long tasks (over 50 ms) from the start of the page,
// and when each result message from the worker arrives.
function watchLongTasks() {
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

const longest = (tasks, from, to) => Math.round(Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration)));

test('a 10 MB paste: progress, the page stays responsive, cancel loses nothing, then it is annotated and shown', { timeout: 240000 }, async () => {
  const s = await openPage(browser, `${server.origin}/index.html`, { init: watchLongTasks });
  const { page } = s;
  await waitForResult(page);
  await buildCorpusInPage(page, 10e6);
  const size = await page.evaluate(() => {
    window.__big = window.__corpus.map((d) => d.text).join('\n');
    return { chars: window.__big.length, bytes: new TextEncoder().encode(window.__big).length };
  });
  assert.ok(size.bytes >= 10e6, `10 MB of text: ${JSON.stringify(size)}`);

  // Paste it into the paste box, as the clipboard would. So long a text is
  // held aside (a textarea holding megabytes slows every frame) with a note.
  await page.locator('khabar-lens [data-action="paste"]').click();
  await page.locator('khabar-lens .paste input[name="name"]').fill('big-paste.txt');
  const pasted = await page.evaluate(() => {
    const area = document.querySelector('khabar-lens').shadowRoot.querySelector('textarea');
    const data = new DataTransfer();
    data.setData('text/plain', window.__big);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    area.focus();
    area.dispatchEvent(event);
    return { handled: event.defaultPrevented, box: area.value.length };
  });
  assert.deepEqual(pasted, { handled: true, box: 0 });
  const note = page.locator('khabar-lens .held');
  assert.match(await note.textContent(), /لُصق نص طويل \(5\.\d مليون حرف\)/);
  const submit = page.locator('khabar-lens .paste button[type="submit"]');
  const started = await page.evaluate(() => performance.now());
  await submit.click();

  // Progress appears, naming the work and the core's stage.
  const progress = page.locator('khabar-lens .progress');
  await progress.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await progress.textContent(), /جارٍ تحليل 5 مقال \(\d+\.\d مليون حرف\)/);
  await page.waitForFunction(() => /\d+\/\d+/.test(document.querySelector('khabar-lens').shadowRoot.querySelector('.progress').textContent), null, { timeout: 20000 });
  await screenshot(page, 'big-paste-progress', { fullPage: false });

  // The page answers while the worker annotates: a zoom button, the kind
  // filter and the entity search all respond at once.
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').hasAttribute('busy')), true);
  const clicked = Date.now();
  await page.locator('khabar-lens .zoom [data-unit="month"]').click();
  assert.equal(await page.locator('khabar-lens .zoom [data-unit="month"]').getAttribute('aria-pressed'), 'true');
  await page.locator('khabar-lens .legend-kind[data-kind="place"]').click();
  assert.equal(await page.locator('khabar-lens .legend-kind[data-kind="place"]').getAttribute('aria-pressed'), 'false');
  await page.locator('khabar-lens .legend-kind[data-kind="place"]').click();
  const answered = Date.now() - clicked;
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').hasAttribute('busy')), true, 'still annotating while the clicks were handled');
  assert.ok(answered < 3000, `three clicks answered in ${answered} ms during the annotation`);

  // Cancel: the four samples stay, and so does the pasted text (still held, ready to add).
  await page.locator('khabar-lens [data-action="cancel"]').click();
  await page.locator('khabar-lens .msg.notice[data-code="cancelled"]').waitFor();
  const afterCancel = await page.evaluate(() => {
    const el = document.querySelector('khabar-lens');
    return {
      busy: el.hasAttribute('busy'),
      articles: el.articles.length,
      docs: el.shadowRoot.querySelectorAll('.doc').length,
      pasted: !el.shadowRoot.querySelector('.held').hidden && el.shadowRoot.querySelector('.paste').hidden === false,
      now: performance.now(),
    };
  });
  assert.deepEqual({ ...afterCancel, now: 0 }, { busy: false, articles: 4, docs: 4, pasted: true, now: 0 });
  const cancelledAfter = afterCancel.now - started;

  // Again, to the end this time.
  const second = await page.evaluate(() => performance.now());
  await submit.click();
  await page.waitForFunction(() => document.querySelector('khabar-lens').articles.length === 5, null, { timeout: 180000 });
  const done = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => !document.querySelector('khabar-lens').shadowRoot.querySelector('.doc[data-file="big-paste.txt"] .chunk.pending'), null, { timeout: 60000 });
  const built = await page.evaluate(() => performance.now());
  const shown = await page.evaluate(() => {
    const el = document.querySelector('khabar-lens');
    const box = el.shadowRoot.querySelector('.doc[data-file="big-paste.txt"] .text');
    return { length: box.textContent.length, same: box.textContent === window.__big, mentions: box.querySelectorAll('.m').length, closed: el.shadowRoot.querySelector('.paste').hidden && el.shadowRoot.querySelector('.held').hidden };
  });
  assert.ok(shown.same, 'the whole text is shown, character for character');
  assert.ok(shown.mentions > 1000 && shown.closed, JSON.stringify(shown));

  // Scrolling to the end of the long text and selecting an entity work.
  await page.evaluate(() => {
    const box = document.querySelector('khabar-lens').shadowRoot.querySelector('.doc[data-file="big-paste.txt"] .text');
    box.scrollTop = box.scrollHeight;
  });
  const marked = await page.evaluate(async () => {
    const el = document.querySelector('khabar-lens');
    const mentions = new Map();
    for (const d of el.result.documents) for (const m of d.mentions) mentions.set(m.entity, (mentions.get(m.entity) || 0) + 1);
    const top = [...mentions.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const t = performance.now();
    el.selectEntity(top);
    return { ms: performance.now() - t, marked: el.shadowRoot.querySelectorAll('.m.selected').length, listed: el.shadowRoot.querySelectorAll('.mention-list li').length };
  });
  assert.ok(marked.marked > 100 && marked.listed <= 100, JSON.stringify(marked));
  await page.locator('khabar-lens .doc[data-file="big-paste.txt"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'big-paste-done', { fullPage: false });

  const [tasks, results] = await page.evaluate(() => [window.__longTasks, window.__results]);
  const arrived = results.at(-1);
  console.log(
    `# 10 MB paste (${size.bytes} bytes, ${size.chars} chars): cancelled after ${Math.round(cancelledAfter)} ms; ` +
      `annotated and shown in ${Math.round(done - second)} ms; all chunks built after ${Math.round(built - second)} ms; ` +
      `longest main-thread task while the worker annotated ${longest(tasks, second, arrived - 1)} ms, ` +
      `from the result's arrival to all chunks built ${longest(tasks, arrived - 1, built + 1)} ms; selecting the top entity ${Math.round(marked.ms)} ms`,
  );
  assert.ok(longest(tasks, second, arrived - 1) < 1000, 'no long freeze while the worker annotates');
  await s.finish();
});
