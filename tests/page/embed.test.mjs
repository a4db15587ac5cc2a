// The widget embedded with one script tag in a page whose global CSS is
// hostile (embed-test.html): its own styles must win inside the shadow root.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertBuilt, launchBrowser, openPage, screenshot, startServer, waitForResult } from './helpers.mjs';
import { sampleAnnotation } from './fixture.mjs';

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

test('hostile host CSS does not reach the widget', async () => {
  const s = await openPage(browser, `${server.origin}/embed-test.html`);
  const { page } = s;
  await waitForResult(page);
  // The host page really is hostile.
  const host = await page.evaluate(() => getComputedStyle(document.querySelector('p')).fontSize);
  assert.equal(host, '40px');

  const { articles, result } = sampleAnnotation();
  await page.evaluate(({ articles, result }) => document.querySelector('khabar-lens').showAnnotation(articles, result), { articles, result });
  const style = await page.evaluate(() => {
    const root = document.querySelector('khabar-lens').shadowRoot;
    const m = root.querySelector('.m.k-person');
    const cs = getComputedStyle(m);
    const text = getComputedStyle(root.querySelector('.text'));
    const lens = root.querySelector('.lens').getBoundingClientRect();
    return {
      display: cs.display,
      color: cs.color,
      fontSize: cs.fontSize,
      background: cs.backgroundColor,
      unicodeBidi: cs.unicodeBidi,
      direction: text.direction,
      textSize: text.fontSize,
      lineHeight: text.lineHeight,
      letterSpacing: text.letterSpacing,
      lensWidth: lens.width,
      lensHeight: lens.height,
      mentionWidth: m.getBoundingClientRect().width,
      hiddenCardShown: getComputedStyle(root.querySelector('.card')).display,
    };
  });
  assert.equal(style.display, 'inline');
  assert.equal(style.color, 'rgb(31, 29, 26)');
  assert.equal(style.fontSize, '17px');
  assert.equal(style.background, 'rgb(253, 227, 236)', 'person colour');
  assert.equal(style.unicodeBidi, 'isolate');
  assert.equal(style.direction, 'rtl');
  assert.equal(style.textSize, '17px');
  assert.equal(style.letterSpacing, 'normal');
  assert.ok(style.mentionWidth > 10, 'the highlighted span is visible');
  assert.ok(style.lensWidth > 600 && style.lensHeight > 400, `the widget has its own box: ${style.lensWidth}x${style.lensHeight}`);
  assert.equal(style.hiddenCardShown, 'none', 'the host\'s [hidden] rule does not unhide the card');
  await screenshot(page, 'embed-hostile-css', { fullPage: false });
  await s.finish();
});
