// The single-file bundler (www/bundle.mjs), checked in node: the module
// graph bundles without module syntax, and wasm-bindgen's glue rewritten into
// a function gives the same results as the original ES module.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { test } from 'node:test';
import { ROOT } from '../../www/project-settings.mjs';
import { bundleModules, glueAsFunction, inlineScriptText, stripExports } from '../../www/bundle.mjs';
import { SAMPLE_ARTICLES } from '../../www/samples.js';

const WWW = join(ROOT, 'www');
const PKG = join(WWW, 'pkg');

test('the widget modules bundle in dependency order without module syntax', () => {
  const { code, modules } = bundleModules(WWW, join(WWW, 'lens', 'element.js'));
  assert.equal(modules.at(-1), join('lens', 'element.js'));
  assert.ok(modules.indexOf(join('lens', 'dom.js')) < modules.indexOf(join('lens', 'highlighter.js')));
  assert.ok(modules.includes('samples.js'));
  assert.ok(!/^\s*(import|export)\s/m.test(code) && !/import\.meta/.test(code));
  new vm.Script(code); // parses
});

test('unsupported export forms are refused, not mangled', () => {
  assert.throws(() => stripExports('export default 1;', 'x.js'), /unsupported export/);
  assert.deepEqual(stripExports('export { a, b as c };\nexport async function f() {}', 'x.js').exports, [['f', 'f'], ['a', 'a'], ['b', 'c']]);
});

test('inline script text cannot close its <script> early', () => {
  assert.equal(inlineScriptText('x = "</script>"'), 'x = "<\\/script>"');
  assert.throws(() => inlineScriptText('x = "<!--"'));
});

test('the rewritten wasm-bindgen glue works like the original module', async () => {
  const source = readFileSync(join(PKG, 'khabar.js'), 'utf8');
  const wasm = readFileSync(join(PKG, 'khabar_bg.wasm'));
  const factory = new Function(`${glueAsFunction(source, 'khabarGlue')}\nreturn khabarGlue;`)();
  const inlined = factory();
  inlined.initSync({ module: wasm });
  const original = await import(pathToFileURL(join(PKG, 'khabar.js')).href);
  original.initSync({ module: wasm });
  assert.equal(inlined.version(), original.version());
  assert.deepEqual(inlined.annotate(SAMPLE_ARTICLES), original.annotate(SAMPLE_ARTICLES));
  assert.throws(() => inlined.annotate([{ name: 'empty', text: '' }]), Error);
});

test('the site entry bundles into one ES module that keeps its import.meta', async () => {
  const { bundleEntryModule } = await import('../../www/bundle.mjs');
  const { code, modules } = bundleEntryModule(WWW, join(WWW, 'khabar-lens.js'));
  assert.ok(modules.includes(join('lens', 'element.js')) && modules.includes(join('lens', 'engine.js')));
  assert.equal(modules.filter((m) => m === join('lens', 'engine.js')).length, 1, 'a module imported twice is bundled once');
  assert.ok(!/^\s*(import|export)\s/m.test(code), 'no import or export lines left');
  assert.ok(code.includes("new URL('./pkg/khabar.js', import.meta.url)"), 'the entry still finds pkg/ next to itself');
});
