// Claims in the page: quantities and quotes highlighted in the text (nested
// and crossing spans included), "what each source says" for a timeline
// item with disagreements flagged, "who said what" per speaker, jumping from
// a claim to its place in the article, and the CSV exports of both.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { assertBuilt, elementScreenshot, launchBrowser, openPage, screenshot, startServer, waitForResult } from './helpers.mjs';
import { sampleAnnotation } from './fixture.mjs';

let server;
let browser;
let url;

before(async () => {
  assertBuilt();
  server = await startServer();
  browser = await launchBrowser();
  url = `${server.origin}/index.html`;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo(options) {
  const session = await openPage(browser, url, options);
  await waitForResult(session.page);
  return session;
}

async function showFixture(page) {
  const { articles, result } = sampleAnnotation();
  await page.evaluate(({ articles, result }) => document.querySelector('khabar-lens').showAnnotation(articles, result), { articles, result });
  return result;
}

const inShadow = (page, fn, arg) => page.evaluate(({ fn, arg }) => new Function('root', 'arg', `return (${fn})(root, arg)`)(document.querySelector('khabar-lens').shadowRoot, arg), { fn: fn.toString(), arg });
const AGREEMENT = 'اتفاق على تبادل 1200 أسير';

/** Waits until an element matching `selector` in the widget is flashing. */
const waitFlash = (page, selector) => page.waitForFunction((sel) => document.querySelector('khabar-lens').shadowRoot.querySelector(`${sel}.flash`), selector, { timeout: 5000 });

/** A small RFC 4180 reader (quoted fields with commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\ufeff/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') field += src[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test('quantities and quotes are highlighted apart from mentions; nested and crossing spans keep every character (fixture)', async () => {
  const s = await openDemo();
  const { page } = s;
  const result = await showFixture(page);
  const check = await inShadow(
    page,
    (root, result) => {
      const out = { texts: [], quotes: [], quantities: [], cues: [] };
      result.documents.forEach((doc, i) => {
        const box = root.querySelector(`.doc[data-index="${i}"] .text`);
        out.texts.push(box.textContent.length === doc.length);
        const joined = (sel) => [...box.querySelectorAll(sel)].map((e) => e.textContent).join('');
        for (const q of doc.quotes) {
          const pieces = box.querySelectorAll(`.quote[data-at="${q.start}:${q.end}"]`).length;
          out.quotes.push({ ok: joined(`.quote[data-at="${q.start}:${q.end}"]`) === q.text, pieces, text: q.text, direct: q.kind === 'direct' });
        }
        for (const q of doc.quantities) out.quantities.push(joined(`.qty[data-at="${q.start}:${q.end}"]`) === q.text);
        out.cues.push(...[...box.querySelectorAll('.cue')].map((c) => c.textContent));
      });
      return out;
    },
    result,
  );
  assert.ok(check.texts.every(Boolean), 'every article shows its whole text');
  assert.ok(check.quantities.length > 5 && check.quantities.every(Boolean), 'every quantity is one highlighted span');
  assert.ok(check.quotes.every((q) => q.ok), `every quote covers exactly its words: ${JSON.stringify(check.quotes.filter((q) => !q.ok))}`);
  const trump = check.quotes.find((q) => q.text.startsWith('يرحب "بأي'));
  assert.ok(trump.pieces >= 2, 'a quote crossing an evidence span is split and still complete');
  assert.ok(check.cues.length >= 8 && check.cues.every((c) => ['قال', 'أضاف', 'أفاد', 'يقول', 'وصف'].includes(c)), `cues marked: ${check.cues}`);

  // The nested «direct» words sit inside the reported sentence that holds them.
  const nested = await inShadow(page, (root) => !!root.querySelector('.quote.reported .quote.direct'));
  assert.ok(nested, 'a direct quote nests inside its reported sentence');

  // Distinct looks: a mention, a quantity, a reported and a direct quote.
  const looks = await inShadow(page, (root) => {
    const cs = (sel) => {
      const st = getComputedStyle(root.querySelector(sel));
      return { bg: st.backgroundColor, image: st.backgroundImage, border: `${st.borderBottomStyle} ${st.borderBottomColor}`, weight: st.fontWeight };
    };
    return { mention: cs('.m.k-person'), qty: cs('.qty'), reported: cs('.quote.reported'), direct: cs('.quote.direct'), cue: cs('.cue') };
  });
  assert.notEqual(looks.qty.bg, looks.mention.bg);
  assert.equal(looks.qty.border.split(' ')[0], 'dashed');
  assert.notEqual(looks.reported.bg, 'rgba(0, 0, 0, 0)', 'reported speech is tinted');
  assert.notEqual(looks.direct.image, 'none', 'direct speech is underlined');
  assert.equal(looks.reported.image, 'none');
  assert.equal(looks.cue.weight, '700', 'the cue is bold');

  // The legend lists quotes and hides them on demand.
  const quoteChip = page.locator('khabar-lens .legend-mark[data-kind="quote"]');
  assert.equal(Number(await quoteChip.locator('.count').textContent()), result.documents.reduce((n, d) => n + d.quotes.length, 0));
  await quoteChip.click();
  assert.equal(await quoteChip.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('khabar-lens .quote.reported').first().evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');
  await quoteChip.click();
  await page.locator('khabar-lens .doc').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'claims-text', { fullPage: false });
  await s.finish();
});

test('what each source says: figures and quotes per source, disagreement flagged, each claim jumps to its text (fixture)', async () => {
  const s = await openDemo();
  const { page } = s;
  const result = await showFixture(page);
  const index = result.timeline.findIndex((i) => i.what === AGREEMENT);
  const says = page.locator('khabar-lens .says');
  assert.equal(await says.isVisible(), false, 'hidden until an item is selected');
  await page.locator(`khabar-lens .tl-item[data-index="${index}"]`).click();
  await says.waitFor();
  assert.match(await says.locator('h3').textContent(), /ماذا يقول كل مصدر/);
  const cards = await page.locator('khabar-lens .source-card').evaluateAll((els) => els.map((e) => e.dataset.file));
  assert.deepEqual(cards, ['reuters-doha.txt', 'kuna-doha.txt', 'aawsat-analysis.txt'], 'one card per source, side by side');
  const boxes = await Promise.all([0, 1].map((i) => page.locator('khabar-lens .source-card').nth(i).boundingBox()));
  assert.ok(Math.abs(boxes[0].y - boxes[1].y) < 2 && boxes[1].x < boxes[0].x, 'cards side by side, right to left');

  // The disagreement is flagged: "1,200 مقابل نحو 1,000 أسير".
  const flag = page.locator('khabar-lens .disagree');
  assert.equal(await flag.getAttribute('role'), 'note');
  assert.match(await flag.textContent(), /1,200 مقابل نحو 1,000 أسير — متعارضة/);
  assert.deepEqual(
    await page.locator('khabar-lens .fig.disputed').evaluateAll((els) => els.map((e) => e.closest('.source-card').dataset.file)),
    ['reuters-doha.txt', 'kuna-doha.txt'],
    'the disputed figure is marked in each source',
  );
  const kuna = page.locator('khabar-lens .source-card[data-file="kuna-doha.txt"]');
  assert.match(await kuna.textContent(), /1,200 أسير.*نحو 1,000 أسير.*ماجد الأنصاري/s);
  await elementScreenshot(says, 'claims-says');

  // A figure jumps to its place in KUNA's text and flashes there.
  const fig = kuna.locator('.fig.disputed');
  const at = await fig.getAttribute('data-at');
  await fig.click();
  await waitFlash(page, `.doc[data-file="kuna-doha.txt"] .qty[data-at="${at}"]`);
  // So does a quote, and the figure buttons of the disagreement.
  const quote = page.locator('khabar-lens .source-card[data-file="reuters-doha.txt"] .quote-ref');
  await quote.click();
  await waitFlash(page, `.doc[data-file="reuters-doha.txt"] .quote[data-at="${await quote.getAttribute('data-at')}"]`);
  await page.locator('khabar-lens .dis-fig').first().click();
  await waitFlash(page, '.doc[data-file="reuters-doha.txt"] .qty');
  // Keyboard: the claims are buttons; Enter on one moves focus into the article.
  await kuna.locator('.quote-ref').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const active = document.querySelector('khabar-lens').shadowRoot.activeElement;
    return active && active.classList.contains('quote') && active.closest('.doc').dataset.file === 'kuna-doha.txt';
  });

  // Deselecting the item hides the view again.
  await page.locator(`khabar-lens .tl-item[data-index="${index}"]`).click();
  assert.equal(await says.isVisible(), false);
  await s.finish();
});

test('who said what: each speaker with their quotes across sources; keyboard tabs; a quote jumps to its article (fixture)', async () => {
  const s = await openDemo();
  const { page } = s;
  await showFixture(page);
  // Tabs: arrow keys move between them (left is next in RTL).
  const entitiesTab = page.locator('khabar-lens .tab[data-tab="entities"]');
  const speakersTab = page.locator('khabar-lens .tab[data-tab="speakers"]');
  assert.equal(await entitiesTab.getAttribute('role'), 'tab');
  assert.equal(await speakersTab.getAttribute('aria-selected'), 'false');
  await entitiesTab.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await speakersTab.getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('khabar-lens').shadowRoot.activeElement.dataset.tab), 'speakers');
  assert.equal(await page.locator('khabar-lens #pane-speakers').isVisible(), true);
  assert.equal(await page.locator('khabar-lens #pane-entities').isVisible(), false);

  const speakers = await page.locator('khabar-lens .speaker').evaluateAll((els) => els.map((e) => [e.dataset.speaker, e.querySelectorAll('.quote-ref').length]));
  // Trump: three quotes in three sources (the «direct» words inside his
  // reported sentence are not listed twice); the unattributed come last.
  assert.deepEqual(speakers.find(([id]) => id === 'p-trump'), ['p-trump', 3]);
  assert.equal(speakers.at(-1)[0], '', 'unattributed quotes last');
  assert.deepEqual(
    await page.locator('khabar-lens .speaker[data-speaker="p-trump"] .quote-ref .src').allTextContents(),
    ['reuters-doha.txt', 'aawsat-analysis.txt', 'anadolu-exchange.txt'],
  );
  await elementScreenshot(page.locator('khabar-lens .side'), 'claims-speakers');

  // A quote, pressed with the keyboard, scrolls its article to it and flashes it.
  const ref = page.locator('khabar-lens .speaker[data-speaker="p-zelensky"] .quote-ref').first();
  const at = await ref.getAttribute('data-at');
  const file = await ref.getAttribute('data-file');
  await ref.focus();
  await page.keyboard.press('Enter');
  await waitFlash(page, `.doc[data-file="${file}"] .quote[data-at="${at}"]`);
  await page.waitForFunction(
    ({ file, at }) => {
      const root = document.querySelector('khabar-lens').shadowRoot;
      const q = root.querySelector(`.doc[data-file="${file}"] .quote[data-at="${at}"]`).getBoundingClientRect();
      const box = root.querySelector(`.doc[data-file="${file}"] .text`).getBoundingClientRect();
      return q.top >= box.top - 1 && q.bottom <= box.bottom + 1 && q.top >= 0 && q.bottom <= innerHeight;
    },
    { file, at },
    { timeout: 5000 },
  );

  // Choosing a speaker selects the entity: only their quotes are listed,
  // and their quotes are marked in the articles.
  await page.evaluate(() => document.querySelector('khabar-lens').addEventListener('khabar-entity-select', (e) => (window.__selected = e.detail)));
  await page.locator('khabar-lens .speaker[data-speaker="p-trump"] .speaker-name').click();
  assert.equal(await page.evaluate(() => window.__selected), 'p-trump');
  assert.deepEqual(await page.locator('khabar-lens .speaker').evaluateAll((els) => els.map((e) => e.dataset.speaker)), ['p-trump']);
  assert.ok((await page.locator('khabar-lens .quote.said').count()) >= 4, 'Trump\'s quotes are marked in the text');
  // The entity tab shows the same quotes above the mentions.
  await entitiesTab.click();
  assert.match(await page.locator('khabar-lens .selection').textContent(), /الأقوال المنسوبة \(3\)/);
  assert.equal(await page.locator('khabar-lens .selection .said-list .quote-ref').count(), 3);
  // A place has no quotes: the speakers tab says so.
  await page.evaluate(() => document.querySelector('khabar-lens').selectEntity('pl-doha'));
  await speakersTab.click();
  assert.match(await page.locator('khabar-lens .speakers').textContent(), /لا أقوال منسوبة/);
  await page.locator('khabar-lens .speakers-pane .restrict-note button').click();
  assert.ok((await page.locator('khabar-lens .speaker').count()) > 4, 'the filter can be cleared');
  await s.finish();
});

test('with the core: the samples\' quantities and quotes are highlighted and every timeline item\'s claims are listed', async () => {
  const s = await openDemo();
  const { page } = s;
  const result = await page.evaluate(() => document.querySelector('khabar-lens').result);
  const found = await inShadow(
    page,
    (root, result) =>
      result.documents.map((doc, i) => {
        const box = root.querySelector(`.doc[data-index="${i}"] .text`);
        const spans = (sel) => new Set([...box.querySelectorAll(sel)].map((e) => e.dataset.at)).size;
        const uniq = (list) => new Set(list.map((c) => `${c.start}:${c.end}`)).size;
        return { quantities: [spans('.qty[data-at]'), uniq(doc.quantities)], quotes: [spans('.quote[data-at]'), uniq(doc.quotes)], text: box.textContent.length === doc.length };
      }),
    result,
  );
  for (const d of found) {
    assert.deepEqual(d.quantities[0], d.quantities[1]);
    assert.deepEqual(d.quotes[0], d.quotes[1]);
    assert.ok(d.text);
  }
  assert.ok(found.some((d) => d.quotes[1] > 0) && found.some((d) => d.quantities[1] > 0), 'the core finds claims in the samples');

  // Every item with claims lists them per source.
  let shown = 0;
  for (const [index, item] of result.timeline.entries()) {
    if (!(item.says || []).length) continue;
    await page.evaluate((i) => document.querySelector('khabar-lens').selectItem(i), index);
    const files = await page.locator('khabar-lens .source-card').evaluateAll((els) => els.map((e) => e.dataset.file));
    for (const said of item.says) assert.ok(files.includes(said.file), `${said.file} has a card for item ${index}`);
    const figures = await page.locator('khabar-lens .source-card .fig').count();
    assert.equal(figures, item.says.reduce((n, x) => n + x.quantities.length, 0));
    assert.equal(await page.locator('khabar-lens .disagree').count(), (item.disagreements || []).length ? 1 : 0);
    shown++;
  }
  assert.ok(shown > 0, 'some timeline items carry claims');
  const first = result.timeline.findIndex((i) => (i.says || []).some((x) => x.quotes.length));
  if (first >= 0) {
    await page.evaluate((i) => document.querySelector('khabar-lens').selectItem(i), first);
    await page.locator('khabar-lens .says').scrollIntoViewIfNeeded();
    await screenshot(page, 'core-claims-says', { fullPage: false });
  }
  await page.locator('khabar-lens .tab[data-tab="speakers"]').click();
  const speakers = await page.locator('khabar-lens .speaker').evaluateAll((els) => els.map((e) => e.dataset.speaker));
  const ids = new Set(result.entities.map((e) => e.id));
  assert.ok(speakers.length > 0 && speakers.every((id) => id === '' || ids.has(id)), 'speakers are entities of the result');
  await s.finish();
});

test('CSV: the timeline carries what each source says; a second file has one row per figure and quote (fixture)', async () => {
  const s = await openDemo();
  const { page } = s;
  const result = await showFixture(page);
  const [timeline] = await Promise.all([page.waitForEvent('download'), page.locator('khabar-lens [data-action="export-csv"]').click()]);
  const rows = parseCsv(readFileSync(await timeline.path(), 'utf8'));
  const head = rows[0];
  assert.deepEqual(head.slice(-3), ['figures', 'quotes', 'disagreements']);
  const row = rows.find((r) => r[1] === AGREEMENT);
  const col = (name) => row[head.indexOf(name)];
  assert.equal(col('disagreements'), 'أسير: reuters-doha.txt=1200; kuna-doha.txt=~1000');
  assert.match(col('figures'), /kuna-doha\.txt: نحو ألف أسير = ~1000 أسير/);
  assert.match(col('quotes'), /reuters-doha\.txt: محمد بن عبد الرحمن آل ثاني \(reported\): الوفدين/);

  const [claims] = await Promise.all([page.waitForEvent('download'), page.locator('khabar-lens [data-action="export-claims"]').click()]);
  assert.equal(claims.suggestedFilename(), 'khabar-claims.csv');
  const lines = parseCsv(readFileSync(await claims.path(), 'utf8'));
  const total = result.documents.reduce((n, d) => n + d.quantities.length + d.quotes.length, 0);
  assert.equal(lines.length, total + 1);
  const h = lines[0];
  const get = (r, name) => r[h.indexOf(name)];
  const about1000 = lines.find((r) => get(r, 'text') === 'نحو ألف أسير');
  assert.equal(get(about1000, 'value'), '1000');
  assert.equal(get(about1000, 'approx'), 'about');
  assert.equal(get(about1000, 'disputed'), 'أسير');
  assert.match(get(about1000, 'items'), new RegExp(`^#${result.timeline.findIndex((i) => i.what === AGREEMENT)} 2025-09-11$`));
  const zelensky = lines.find((r) => get(r, 'speaker_id') === 'p-zelensky' && get(r, 'quote_kind') === 'direct');
  assert.equal(get(zelensky, 'speaker'), 'فولوديمير زيلينسكي');
  assert.match(get(zelensky, 'cue'), /^\d+-\d+$/);
  await s.finish();
});

test('phone width (380 px): the claims views fit without horizontal overflow', async () => {
  const s = await openDemo({ viewport: { width: 380, height: 800 } });
  const { page } = s;
  const result = await showFixture(page);
  await page.locator(`khabar-lens .tl-item[data-index="${result.timeline.findIndex((i) => i.what === AGREEMENT)}"]`).click();
  await page.locator('khabar-lens .says').scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)) <= 0, 'no horizontal overflow');
  await screenshot(page, 'phone-380-says', { fullPage: false });
  await page.locator('khabar-lens .tab[data-tab="speakers"]').click();
  await page.locator('khabar-lens .speakers').scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)) <= 0, 'no horizontal overflow');
  await screenshot(page, 'phone-380-speakers', { fullPage: false });
  await s.finish();
});
