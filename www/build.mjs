#!/usr/bin/env node
// Builds Khabar's page (node builtins only):
//   1. the release wasm with wasm-pack (unless --skip-wasm),
//   2. dist/site/: the site to serve over http (khabar-lens.js bundled into
//      one ES module, pkg/, fonts/, the demo and embed pages),
//   3. dist/khabar.html: one self-contained page (JS, wasm and font inlined;
//      the wasm gzipped, then base64) that works from file://,
//   4. the samples annotated by that wasm (dist/site/samples-annotated.json,
//      inlined in the single file), so the demo shows them before its
//      engine has loaded,
//   5. prints sizes and fails when over the [budget] in wasm-pack.toml.
// Usage: node www/build.mjs [--skip-wasm]

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import vm from 'node:vm';
import { ROOT, projectSettings } from './project-settings.mjs';
import { bundleEntryModule, bundleModules, glueAsFunction, inlineScriptText } from './bundle.mjs';

const WWW = join(ROOT, 'www');
const settings = projectSettings();
const { target, out_dir: outDir, out_name: outName, single_file: singleFile } = settings.build;
const PKG = join(ROOT, outDir);
const SITE = join(ROOT, 'dist', 'site');
const GLUE = join(PKG, `${outName}.js`);
const WASM = join(PKG, `${outName}_bg.wasm`);
const FONT = join(WWW, 'fonts', 'khabar-naskh-subset.woff2');
// What the site needs from www/ besides khabar-lens.js, which is written
// bundled (the rest is build tooling and the modules bundled into it).
const SITE_FILES = ['index.html', 'embed-test.html', 'fonts'];
const ENTRY_TAG = /<script type="module" src="khabar-lens\.js"><\/script>/;

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

function buildWasm() {
  const path = [join(WWW, 'node_modules', '.bin'), join(homedir(), '.cargo', 'bin'), process.env.PATH].join(':');
  const args = ['build', '--mode', 'no-install', '--release', '--target', target, '--out-dir', outDir, '--out-name', outName];
  console.log(`build: wasm-pack ${args.join(' ')}`);
  // The wasm is optimised for size (wasm-pack.toml [build] opt_level); the
  // native CLI keeps Cargo.toml's release profile, optimised for speed.
  const env = { ...process.env, PATH: path, CARGO_PROFILE_RELEASE_OPT_LEVEL: String(settings.build.opt_level) };
  const run = spawnSync('wasm-pack', args, { cwd: ROOT, env, stdio: 'inherit' });
  if (run.error) fail(`could not run wasm-pack: ${run.error.message}`);
  if (run.status !== 0) fail(`wasm-pack failed (exit ${run.status})`);
}

function writeSite() {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(join(SITE, 'pkg'), { recursive: true });
  for (const name of SITE_FILES) cpSync(join(WWW, name), join(SITE, name), { recursive: true });
  cpSync(GLUE, join(SITE, 'pkg', `${outName}.js`));
  cpSync(WASM, join(SITE, 'pkg', `${outName}_bg.wasm`));
  // One module instead of sixteen: fetched in one request rather than
  // discovered import by import.
  writeFileSync(join(SITE, 'khabar-lens.js'), `// Built by www/build.mjs from www/khabar-lens.js and www/lens/*.js.\n${bundleEntryModule(WWW, join(WWW, 'khabar-lens.js')).code}`);
  // The demo page names what the widget will fetch next, so the browser
  // starts on it while the module loads (the single file needs none of this).
  const hints = [
    '<link rel="preload" href="samples-annotated.json" as="fetch" crossorigin>',
    `<link rel="preload" href="pkg/${outName}_bg.wasm" as="fetch" crossorigin>`,
    '<link rel="preload" href="fonts/khabar-naskh-subset.woff2" as="font" type="font/woff2" crossorigin>',
  ].join('\n');
  const index = join(SITE, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(ENTRY_TAG, (tag) => `${hints}\n${tag}`));
}

/** {version, result}: the built-in samples annotated by the wasm just built. */
async function samplesAnnotation(wasm) {
  const glue = await import(pathToFileURL(GLUE).href);
  glue.initSync({ module: wasm });
  const { SAMPLE_ARTICLES } = await import(pathToFileURL(join(WWW, 'samples.js')).href);
  return { version: glue.version(), result: glue.annotate(SAMPLE_ARTICLES) };
}

function singleFilePage(wasm, samplesJson) {
  const { code: modules, varOf } = bundleModules(WWW, join(WWW, 'lens', 'element.js'));
  const glue = glueAsFunction(readFileSync(GLUE, 'utf8'), 'khabarGlue');
  const font = `data:font/woff2;base64,${readFileSync(FONT).toString('base64')}`;
  const entry = [
    `const { defineKhabarLens } = ${varOf(join(WWW, 'lens', 'element.js'))};`,
    `const { inlineSource } = ${varOf(join(WWW, 'lens', 'engine.js'))};`,
    `const samplesAnnotated = ${JSON.stringify(samplesJson)};`,
    `defineKhabarLens({ fontUrl: ${JSON.stringify(font)}, samplesResult: () => JSON.parse(samplesAnnotated), source: inlineSource(khabarGlue, ${JSON.stringify(gzipSync(wasm, { level: 9 }).toString('base64'))}) });`,
  ].join('\n');
  const script = `(() => {\n'use strict';\n${glue}\n${modules}\n${entry}\n})();\n`;
  try {
    new vm.Script(script, { filename: 'khabar.html <script>' }); // syntax check only
  } catch (err) {
    fail(`the inlined script does not parse: ${err.message}`);
  }
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  if (!ENTRY_TAG.test(html)) fail('www/index.html has no <script type="module" src="khabar-lens.js"></script> to replace');
  const page = html.replace(ENTRY_TAG, () => `<script>\n${inlineScriptText(script)}</script>`);
  const external = /\s(?:src|href)="(?!data:|#)([^"]*)"/.exec(page);
  if (external) fail(`dist page still refers to ${external[1]}`);
  return page;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

async function main() {
  if (!process.argv.includes('--skip-wasm')) buildWasm();
  for (const file of [GLUE, WASM]) if (!existsSync(file)) fail(`${file} is missing: run without --skip-wasm`);
  const wasm = readFileSync(WASM);
  let samplesJson;
  try {
    samplesJson = JSON.stringify(await samplesAnnotation(wasm));
  } catch (err) {
    fail(`could not annotate the samples with the new wasm: ${err.message}`);
  }
  writeSite();
  writeFileSync(join(SITE, 'samples-annotated.json'), samplesJson);
  const files = readdirSync(SITE, { recursive: true }).length;
  const page = singleFilePage(wasm, samplesJson);
  const out = join(ROOT, singleFile);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, page);

  const wasmGz = gzipSync(wasm, { level: 9 }).length;
  const pageGz = gzipSync(page, { level: 9 }).length;
  const { wasm_gzip_kb: wasmBudget, page_gzip_kb: pageBudget } = settings.budget;
  console.log(`build: dist/site/ written (${files} entries)`);
  console.log(`build: release wasm ${kb(wasm.length)} KB, gzipped ${kb(wasmGz)} KB (budget ${wasmBudget} KB)`);
  console.log(`build: ${singleFile} ${kb(Buffer.byteLength(page))} KB, gzipped ${kb(pageGz)} KB (budget ${pageBudget} KB)`);
  const over = [];
  if (wasmGz > wasmBudget * 1024) over.push(`wasm gzipped ${kb(wasmGz)} KB > ${wasmBudget} KB`);
  if (pageGz > pageBudget * 1024) over.push(`page gzipped ${kb(pageGz)} KB > ${pageBudget} KB`);
  if (over.length) fail(`over budget: ${over.join('; ')}`);
  console.log('build: within budget');
}

await main();
