// dist/khabar.html opened from file://: everything inlined (no module
// imports, wasm as base64, the font as a data: URL), the core in a Blob
// worker, and the whole UI working.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { SINGLE_FILE_URL, assertBuilt, launchBrowser, openPage, screenshot, waitForResult, waitIdle } from './helpers.mjs';
import { sampleAnnotation } from './fixture.mjs';

let browser;

before(async () => {
  assertBuilt();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('the single file holds everything inline', () => {
  const html = readFileSync(fileURLToPath(SINGLE_FILE_URL), 'utf8');
  assert.equal((html.match(/<script\b/g) || []).length, 1, 'one inline script');
  assert.ok(!/<script[^>]*\bsrc=/.test(html), 'no external script');
  assert.ok(!/import\.meta|\bimport\s*\(|^\s*(import|export)\s/m.test(html), 'no module syntax left');
  assert.ok(html.includes('data:font/woff2;base64,'), 'font inlined');
  assert.ok(/inlineSource\(khabarGlue, "H4sI/.test(html), 'wasm inlined gzipped, as base64');
});

test('from file:// the samples are annotated in a worker and the UI works', async () => {
  const s = await openPage(browser, SINGLE_FILE_URL);
  const { page } = s;
  await waitForResult(page);
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').engineMode), 'worker');
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').shadowRoot.querySelectorAll('.doc').length), 4);
  const fontLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Khabar Naskh' && f.status === 'loaded');
  });
  assert.ok(fontLoaded, 'the inlined Arabic font is loaded');

  await page.evaluate(() => document.querySelector('khabar-lens').addArticles([{ name: 'local.txt', text: 'خبر محلي من صنعاء يوم الأحد.' }]));
  await waitIdle(page);
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').result.documents.length), 5);

  const { articles, result } = sampleAnnotation();
  await page.evaluate(({ articles, result }) => document.querySelector('khabar-lens').showAnnotation(articles, result), { articles, result });
  await page.locator('khabar-lens .tl-item').first().click();
  await page.waitForFunction(() => document.querySelector('khabar-lens').shadowRoot.querySelectorAll('.ev.flash').length > 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'single-file', { fullPage: false });
  await s.finish();
});

test('without Web Workers the single file falls back to the main thread', async () => {
  const s = await openPage(browser, SINGLE_FILE_URL, { init: () => delete window.Worker });
  const { page } = s;
  await waitForResult(page);
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').engineMode), 'main');
  await page.locator('khabar-lens .msg.notice[data-code="main-thread"]').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').shadowRoot.querySelectorAll('.doc').length), 4);
  await s.finish();
});
