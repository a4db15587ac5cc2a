// The size budget (wasm-pack.toml [budget]): the release wasm and the whole
// single-file page, gzipped. Run after `node www/build.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT as root, projectSettings } from '../www/project-settings.mjs';

const settings = projectSettings();
const setting = (section, key) => settings[section][key];

const gzKb = (path) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

test('release wasm is within its gzipped budget', () => {
  const kb = gzKb(join(root, setting('build', 'out_dir'), `${setting('build', 'out_name')}_bg.wasm`));
  const budget = setting('budget', 'wasm_gzip_kb');
  console.log(`release wasm: ${kb.toFixed(1)} KB gzipped (budget ${budget} KB)`);
  assert.ok(kb <= budget, `wasm is ${kb.toFixed(1)} KB gzipped, over the ${budget} KB budget`);
});

test('single-file page is within its gzipped budget', () => {
  const kb = gzKb(join(root, setting('build', 'single_file')));
  const budget = setting('budget', 'page_gzip_kb');
  console.log(`single-file page: ${kb.toFixed(1)} KB gzipped (budget ${budget} KB)`);
  assert.ok(kb <= budget, `page is ${kb.toFixed(1)} KB gzipped, over the ${budget} KB budget`);
});
