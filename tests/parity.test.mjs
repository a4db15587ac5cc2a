// The wasm build and the native CLI give the same analysis of the same
// inputs. Run after `cargo build --release` and `node www/build.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT as root, projectSettings } from '../www/project-settings.mjs';

const settings = projectSettings();
const setting = (section, key) => settings[section][key];

const pkg = join(root, setting('build', 'out_dir'));
const name = setting('build', 'out_name');
const wasm = await import(join(pkg, `${name}.js`));
wasm.initSync({ module: readFileSync(join(pkg, `${name}_bg.wasm`)) });
const cli = join(root, 'target', 'release', 'khabar');

function native(files, published) {
  const args = ['annotate', ...(published ? ['--published', published] : []), ...files];
  return JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

function compare(docs, published) {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-parity-'));
  const files = docs.map((d, i) => {
    const f = join(dir, `${i}.txt`);
    writeFileSync(f, d.text);
    return f;
  });
  const fromWasm = wasm.annotate(docs.map((d, i) => ({ name: files[i], text: d.text, published })));
  assert.deepStrictEqual(fromWasm, native(files, published));
  return fromWasm;
}

test('sample articles: wasm equals native', async () => {
  const { SAMPLE_ARTICLES: SAMPLES } = await import(join(root, 'www', 'samples.js'));
  const out = compare(SAMPLES);
  assert.equal(out.documents.length, SAMPLES.length);
});

test('sample articles with a given publication date: wasm equals native', async () => {
  const { SAMPLE_ARTICLES: SAMPLES } = await import(join(root, 'www', 'samples.js'));
  compare(SAMPLES.slice(0, 1), '2025-03-14');
});

const seeds = join(root, '..', 'shared', 'seeds');
test('seed pages: wasm equals native', { skip: !existsSync(seeds) && 'no ../shared/seeds here' }, () => {
  const docs = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ text: readFileSync(join(seeds, f), 'utf8') }));
  const out = compare(docs);
  assert.equal(out.documents.length, docs.length);
});

test('text with astral characters, bidi controls and markup: wasm equals native', () => {
  compare([{ text: '😀 \u202Bقال\u202C <b>الرئيس</b> في موسكو\u200B يوم 3 يونيو 2025 إن «الاتفاق قريب».' }]);
});
