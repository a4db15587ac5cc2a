// Loading files: .txt and .html through the file picker and drag and drop,
// hostile markup shown as text (nothing runs), and clear messages for
// binary, invalid UTF-8 and empty files that lose nothing already loaded.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertBuilt, launchBrowser, openPage, startServer, waitForResult, waitIdle } from './helpers.mjs';

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

const PAYLOAD_TXT = `بيان صحفي <script>window.__pwned = 'txt-script'</script>
<img src=x onerror="window.__pwned = 'txt-img'"> انتهى البيان في عمّان.`;

const PAYLOAD_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>عنوان الصفحة</title>
<script>window.__pwned = 'head-script'</script><style>p { color: red }</style></head>
<body><nav>قائمة الموقع</nav><article><h1>مؤتمر في عمّان</h1>
<p>افتتح المؤتمر <b>اليوم</b> في عمّان <img src=x onerror="window.__pwned = 'html-img'"> بحضور وفود عربية.</p>
<script>window.__pwned = 'body-script'</script>
<p>&lt;script&gt;window.__pwned = 'escaped'&lt;/script&gt;</p>
<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>
</article></body></html>`;

const file = (name, mimeType, content) => ({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') });
const fileInput = 'khabar-lens input[type="file"]';
const docCount = (page) => page.evaluate(() => document.querySelector('khabar-lens').shadowRoot.querySelectorAll('.doc').length);

test('.txt and .html files load as text; scripts and onerror handlers never run', async () => {
  const s = await openPage(browser, `${server.origin}/index.html`);
  const { page } = s;
  await waitForResult(page);
  await page.setInputFiles(fileInput, [file('payload.txt', 'text/plain', PAYLOAD_TXT), file('page.html', 'text/html', PAYLOAD_HTML)]);
  await page.waitForFunction(() => document.querySelector('khabar-lens').articles.length === 6);
  await waitIdle(page);
  await page.waitForTimeout(300); // give any (wrongly) inserted handler time to fire

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing in the files executed');
  const txt = await page.locator('khabar-lens .doc[data-file="payload.txt"] .text').textContent();
  assert.equal(txt, PAYLOAD_TXT, 'the .txt shows verbatim, markup included');
  const html = await page.locator('khabar-lens .doc[data-file="page.html"] .text').textContent();
  assert.match(html, /^مؤتمر في عمّان\n\nافتتح المؤتمر اليوم في عمّان بحضور وفود عربية\./);
  assert.ok(html.includes("<script>window.__pwned = 'escaped'</script>"), 'escaped markup in the HTML stays text');
  assert.ok(!html.includes('head-script') && !html.includes('body-script') && !html.includes('قائمة الموقع'), 'scripts and navigation are dropped');
  const elements = await page.evaluate(() => document.querySelector('khabar-lens').shadowRoot.querySelectorAll('.text script, .text img, .text iframe').length);
  assert.equal(elements, 0, 'no element from the files reached the DOM');
  await s.finish();
});

test('a binary file and an invalid UTF-8 file are refused with a clear message; good files in the same batch load', async () => {
  const s = await openPage(browser, `${server.origin}/index.html`, {
    init: () => document.addEventListener('khabar-error', (e) => (window.__errors ||= []).push(e.detail.code)),
  });
  const { page } = s;
  await waitForResult(page);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  const latin1 = Buffer.concat([Buffer.from('Caf', 'utf8'), Buffer.from([0xe9]), Buffer.from(' – نص', 'utf8')]);
  await page.setInputFiles(fileInput, [file('photo.txt', 'text/plain', png), file('latin1.txt', 'text/plain', latin1), file('good.txt', 'text/plain', 'خبر صالح من بغداد.')]);
  await page.locator('khabar-lens .msg.error[data-code="binary"]').waitFor();
  await page.locator('khabar-lens .msg.error[data-code="invalid-utf8"]').waitFor();
  await page.waitForFunction(() => document.querySelector('khabar-lens').articles.length === 5);
  await waitIdle(page);
  assert.match(await page.locator('khabar-lens .msg.error[data-code="binary"]').textContent(), /photo\.txt/);
  assert.match(await page.locator('khabar-lens .msg.error[data-code="invalid-utf8"]').textContent(), /latin1\.txt.*UTF-8/s);
  assert.equal(await docCount(page), 5, 'the samples stay and the good file is added');
  assert.deepEqual(await page.evaluate(() => window.__errors), ['binary', 'invalid-utf8'], 'khabar-error events');
  await s.finish();
});

test('an empty file gets a message and nothing is lost', async () => {
  const s = await openPage(browser, `${server.origin}/index.html`);
  const { page } = s;
  await waitForResult(page);
  await page.setInputFiles(fileInput, [file('empty.txt', 'text/plain', ' \n\t\n')]);
  await page.locator('khabar-lens .msg.error[data-code="empty"]').waitFor();
  assert.equal(await docCount(page), 4);
  const errors = [];
  await page.evaluate(() => document.querySelector('khabar-lens').setArticles([{ name: 'x', text: '' }])).catch((e) => errors.push(e.message));
  assert.equal(errors.length, 1, 'the API rejects empty text too');
  assert.equal(await docCount(page), 4);
  await s.finish();
});

test('files dropped on the widget are loaded', async () => {
  const s = await openPage(browser, `${server.origin}/index.html`);
  const { page } = s;
  await waitForResult(page);
  await page.evaluate(() => {
    const el = document.querySelector('khabar-lens');
    const data = new DataTransfer();
    data.items.add(new File(['خبر أول من الرباط.'], 'drop-1.txt', { type: 'text/plain' }));
    data.items.add(new File(['<p>خبر ثانٍ من تونس.</p>'], 'drop-2.html', { type: 'text/html' }));
    el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('khabar-lens').articles.length === 6);
  await waitIdle(page);
  assert.equal(await page.locator('khabar-lens .doc[data-file="drop-2.html"] .text').textContent(), 'خبر ثانٍ من تونس.');
  assert.equal(await page.locator('khabar-lens .drop').isVisible(), false);
  await s.finish();
});
