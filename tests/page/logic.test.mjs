// The widget's pure logic, in node: nesting of overlapping ranges, date
// parsing and timeline layout, input checks, CSV export, the settings reader.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nestRanges } from '../../www/lens/ranges.js';
import { parseWhen, bucketOf, countLabel, formatWhen } from '../../www/lens/dates.js';
import { layoutTimeline, autoUnit } from '../../www/lens/timeline.js';
import { looksBinary, decodeText, checkArticle, uniqueName, InputError } from '../../www/lens/input.js';
import { timelineCsv } from '../../www/lens/export.js';
import { parseToml, projectSettings } from '../../www/project-settings.mjs';
import { SAMPLE_ARTICLES } from '../../www/samples.js';

/** Flattens a nestRanges tree to "[type text]" markup for easy comparison. */
function show(text, node) {
  return node.children.map((c) => (c.text ? text.slice(...c.text) : `[${c.range.type} ${show(text, c)}]`)).join('');
}

test('nestRanges nests contained ranges and splits crossing ones', () => {
  const text = 'abcdefghij';
  const tree = nestRanges(text.length, [
    { start: 0, end: 10, rank: 0, type: 'A' },
    { start: 2, end: 6, rank: 1, type: 'q' },
    { start: 4, end: 8, rank: 2, type: 'm' }, // crosses q's end
    { start: 2, end: 6, rank: 2, type: 'e' }, // same span as q, inner
    { start: 9, end: 12, rank: 2, type: 'x' }, // clipped to the text
    { start: 5, end: 5, rank: 2, type: 'empty' },
  ]);
  assert.equal(show(text, tree), '[A ab[q [e cd[m ef]]][m gh]i[x j]]');
});

test('dates: the core\'s forms parse, bucket and read in Arabic', () => {
  assert.deepEqual(parseWhen('2025-06-02T17:16'), { start: parseWhen('2025-06-02').start, end: parseWhen('2025-06-02').start, precision: 'day', time: '17:16' });
  const month = parseWhen('2025-06');
  assert.equal(month.end - month.start, 29);
  assert.equal(parseWhen('2024').end - parseWhen('2024').start, 365);
  assert.equal(parseWhen('2025-06-01/2025-06-02').precision, 'range');
  assert.equal(parseWhen('yesterday'), null);
  assert.equal(bucketOf(parseWhen('2025-06-30').start, 'month') + 1, bucketOf(parseWhen('2025-07-01').start, 'month'));
  assert.equal(countLabel(2, 'day'), 'يومان');
  assert.equal(countLabel(5, 'month'), '5 أشهر');
  assert.equal(countLabel(48, 'day'), '48 يوماً');
  assert.equal(formatWhen('2025-09-11'), '11 سبتمبر 2025');
  assert.equal(formatWhen('2025-09'), 'سبتمبر 2025');
  assert.equal(formatWhen(null), 'بلا تاريخ');
  assert.equal(formatWhen('2025-09-10/2025-09-11'), '10-11 سبتمبر 2025');
  assert.equal(formatWhen('2025-08-30/2025-09-02'), '30 أغسطس 2025 – 2 سبتمبر 2025');
});

test('timeline layout: one column per occupied unit, gaps folded, undated last', () => {
  const items = ['2025-09-11', '2025-09-11', '2025-09-14', '2025-07', null].map((date, index) => ({ item: { date }, index }));
  const days = layoutTimeline(items, 'day');
  assert.deepEqual(days.map((c) => (c.type === 'gap' ? 'gap' : c.entries.length)), [1, 'gap', 2, 'gap', 1, 1]);
  assert.equal(days.at(-1).key, 'undated');
  assert.equal(days[0].label, 'يوليو 2025', 'a month-precision item keeps its month label at day zoom');
  const mixed = layoutTimeline(['2025-05', '2025-05-01'].map((date, index) => ({ item: { date }, index })), 'day');
  assert.deepEqual(mixed.map((c) => c.label), ['مايو 2025', '1 مايو 2025']);
  const months = layoutTimeline(items, 'month');
  assert.deepEqual(months.map((c) => (c.type === 'gap' ? c.label : c.label)), ['يوليو 2025', '⋯ شهر', 'سبتمبر 2025', 'بلا تاريخ']);
  assert.equal(autoUnit(items.map((i) => i.item)), 'day');
});

test('input checks: binary, invalid UTF-8, empty, unique names', () => {
  assert.ok(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14])));
  assert.ok(!looksBinary(new TextEncoder().encode('نص عادي\n')));
  assert.equal(decodeText(new TextEncoder().encode('مرحبا'), 'a.txt'), 'مرحبا');
  assert.throws(() => decodeText(new Uint8Array([0x61, 0xc3, 0x28]), 'bad.txt'), (e) => e instanceof InputError && e.info.code === 'invalid-utf8');
  assert.throws(() => checkArticle({ name: 'x', text: ' \n ' }), (e) => e.info.code === 'empty');
  assert.equal(checkArticle({ name: '', text: 'a\r\nb' }).text, 'a\nb');
  assert.equal(uniqueName('a.txt', ['a.txt', 'a (2).txt']), 'a (3).txt');
});

test('timeline CSV quotes fields and names entities', () => {
  const csv = timelineCsv({
    entities: [{ id: 'p1', name: 'ترامب' }],
    timeline: [{ date: '2025-06-02', what: 'قال، "نعم"', place: null, participants: ['p1'], planned: false, evidence: [{ file: 'a.txt', start: 1, end: 4, text: 'قال' }] }],
  });
  assert.ok(csv.startsWith('\ufeffdate,what,'));
  assert.equal(csv.split('\r\n')[1], '2025-06-02,"قال، ""نعم""",,,ترامب,p1,false,a.txt,a.txt@1-4: قال,,,');
});

test('the settings reader reads wasm-pack.toml', () => {
  const settings = projectSettings();
  assert.equal(typeof settings.budget.page_gzip_kb, 'number');
  assert.ok(settings.browser.args.includes('--no-sandbox'));
  assert.deepEqual(parseToml('[a]\nx = "1 # not a comment" # comment\ny = [\n  "p",\n  "q",\n]\nz = 3\n'), { a: { x: '1 # not a comment', y: ['p', 'q'], z: 3 } });
});

test('the samples are 1,500–3,500 characters and use both spellings of Trump', () => {
  for (const a of SAMPLE_ARTICLES) assert.ok(a.text.length >= 1500 && a.text.length <= 3500, `${a.name}: ${a.text.length}`);
  const all = SAMPLE_ARTICLES.map((a) => a.text).join('\n');
  assert.ok(all.includes('ترامب') && all.includes('ترمب'));
});

test('claims: labels, disagreements, nested quotes and speakers', async () => {
  const { quantityLabel, disagreementLabel, topQuotes, speakerGroups, formatNumber } = await import('../../www/lens/claims.js');
  assert.equal(formatNumber(10000000), '10,000,000');
  assert.equal(quantityLabel({ value: 1000, high: null, approx: 'about', unit: 'أسير', exchange: null }), 'نحو 1,000 أسير');
  assert.equal(quantityLabel({ value: 1200, high: null, approx: null, unit: 'أسير', exchange: 'each' }), '1,200 أسير من كل جانب');
  assert.equal(quantityLabel({ value: 0, high: null, approx: null, unit: null, exchange: 'all' }), 'الكل مقابل الكل');
  assert.equal(quantityLabel({ value: 10, high: 12, approx: null, unit: '%', exchange: null }), '10–12 %');
  assert.equal(disagreementLabel({ unit: 'أسير', figures: [{ value: 1200, approx: null }, { value: 1000, approx: 'about' }] }), '1,200 مقابل نحو 1,000 أسير');
  const quotes = [
    { start: 10, end: 50, speaker: 'a', kind: 'reported' },
    { start: 20, end: 30, speaker: 'a', kind: 'direct' }, // inside a's own words: dropped
    { start: 35, end: 45, speaker: 'b', kind: 'direct' }, // someone else's: kept
    { start: 60, end: 70, speaker: null, kind: 'direct' },
  ];
  assert.deepEqual(topQuotes(quotes).map((q) => q.start), [10, 35, 60]);
  const groups = speakerGroups({ documents: [{ file: 'x', quotes }, { file: 'y', quotes: [{ start: 0, end: 5, speaker: 'b', kind: 'reported' }] }] });
  assert.deepEqual(groups.map((g) => [g.speaker, g.quotes.length, g.files]), [['b', 2, 2], ['a', 1, 1], [null, 1, 1]]);
});

test('long texts are cut into chunks at line breaks, never inside a surrogate pair', async () => {
  const { chunkBounds } = await import('../../www/lens/highlighter.js');
  const text = ('سطر عربي قصير\n'.repeat(50) + 'x'.repeat(30)).repeat(3);
  const bounds = chunkBounds(text, 100);
  assert.equal(bounds[0][0], 0);
  assert.equal(bounds.at(-1)[1], text.length);
  for (let i = 1; i < bounds.length; i++) assert.equal(bounds[i][0], bounds[i - 1][1], 'contiguous');
  assert.ok(bounds.slice(0, -1).every(([, end]) => text[end - 1] === '\n' || text.slice(end - 30, end) === 'x'.repeat(30)), 'cut after a line break when one is near');
  const emoji = '😀'.repeat(300);
  for (const [, end] of chunkBounds(emoji, 101).slice(0, -1)) assert.equal(end % 2, 0, 'not inside a pair');
  assert.deepEqual(chunkBounds(''), [[0, 0]]);
});

test('claims CSV: one row per figure and quote, with its timeline items and disputes', async () => {
  const { claimsCsv, quantityCell } = await import('../../www/lens/export.js');
  assert.equal(quantityCell({ value: 1000, high: null, approx: 'about', unit: 'أسير', exchange: null }), '~1000 أسير');
  assert.equal(quantityCell({ value: 10, high: 12, approx: null, unit: '%', exchange: null }), '10-12 %');
  const q = { start: 5, end: 9, text: 'نحو ألف', value: 1000, high: null, approx: 'about', unit: 'أسير', entity: null, exchange: null };
  const quote = { start: 0, end: 20, text: 'قال، "نعم"', speaker: 'p1', cue: { start: 0, end: 3 }, kind: 'direct', attribution: 'cue' };
  const csv = claimsCsv({
    entities: [{ id: 'p1', name: 'ترامب' }],
    documents: [{ file: 'a.txt', quantities: [q], quotes: [quote] }],
    timeline: [{ date: '2025-06-02', says: [{ file: 'a.txt', quantities: [q], quotes: [] }], disagreements: [{ unit: 'أسير', figures: [{ file: 'a.txt', value: 1000, approx: 'about', text: 'نحو ألف' }] }] }],
  });
  const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(lines[0], 'file,type,start,end,text,value,high,approx,unit,exchange,entity_id,entity,speaker_id,speaker,quote_kind,attribution,cue,items,disputed');
  assert.equal(lines[1], 'a.txt,quote,0,20,"قال، ""نعم""",,,,,,,,p1,ترامب,direct,cue,0-3,,');
  assert.equal(lines[2], 'a.txt,quantity,5,9,نحو ألف,1000,,about,أسير,,,,,,,,,#0 2025-06-02,أسير');
});
