// The single-file build's bundler (build time only, node builtins only).
// It relies on the import style this project's modules keep to:
//   import { a, b as c } from './x.js';        (one line, relative path)
//   export function f / export class C / export const x / export { a, b as c };
// Anything else is reported as an error instead of being bundled wrongly.

import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const IMPORT_LINE = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';[ \t]*$/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?[ \t]*$/gm;

/** "a, b as c" → [[local, exported], …] */
function specifiers(list) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [local, exported = local] = s.split(/\s+as\s+/);
      return [local.trim(), exported.trim()];
    });
}

/** Removes `export` keywords; returns {code, exports: [[local, exported]]}. */
export function stripExports(code, file) {
  const exports = [];
  let out = code.replace(EXPORT_DECL, (whole, kind, name) => {
    exports.push([name, name]);
    return `${kind} ${name}`;
  });
  out = out.replace(EXPORT_LIST, (whole, list) => {
    exports.push(...specifiers(list));
    return '';
  });
  const leftover = /^\s*export\b.*$/m.exec(out);
  if (leftover) throw new Error(`${file}: unsupported export form: ${leftover[0].trim()}`);
  return { code: out, exports };
}

const moduleVar = (root, file) => '__mod_' + relative(root, file).replace(/\.m?js$/, '').replace(/[^\w]/g, '_');
const exportObject = (exports) => `{ ${exports.map(([local, exported]) => (local === exported ? local : `${JSON.stringify(exported)}: ${local}`)).join(', ')} }`;

/**
 * Bundles the module graph under `entry` (a file, or a list of files) into
 * one script body: every module becomes
 * `const __mod_x = (() => { …; return {exports}; })();`, in dependency
 * order. Returns {code, modules: [relative paths], varOf(path)}.
 */
export function bundleModules(root, entry) {
  const order = [];
  const seen = new Set();
  const visiting = new Set();
  const parsed = new Map();

  const visit = (file) => {
    if (seen.has(file)) return;
    if (visiting.has(file)) throw new Error(`import cycle through ${relative(root, file)}`);
    visiting.add(file);
    const source = readFileSync(file, 'utf8');
    const imports = [];
    const body = source.replace(IMPORT_LINE, (whole, list, spec) => {
      if (!spec.startsWith('.')) throw new Error(`${relative(root, file)}: only relative imports can be bundled (${spec})`);
      const target = join(dirname(file), spec);
      imports.push({ target, names: specifiers(list) });
      return '\0IMPORT' + (imports.length - 1) + '\0';
    });
    const stray = /^\s*import\b.*$/m.exec(body) || /\bimport\s*\(|import\.meta/.exec(body);
    if (stray) throw new Error(`${relative(root, file)}: unsupported import form: ${stray[0].trim()}`);
    for (const imp of imports) visit(imp.target);
    parsed.set(file, { body, imports });
    visiting.delete(file);
    seen.add(file);
    order.push(file);
  };
  for (const file of Array.isArray(entry) ? entry : [entry]) visit(file);

  const chunks = order.map((file) => {
    const { body, imports } = parsed.get(file);
    const withImports = body.replace(/\0IMPORT(\d+)\0/g, (w, i) => {
      const { target, names } = imports[Number(i)];
      return `const { ${names.map(([local, exported]) => (local === exported ? local : `${local}: ${exported}`)).join(', ')} } = ${moduleVar(root, target)};`;
    });
    const { code, exports } = stripExports(withImports, relative(root, file));
    return `// ---- ${relative(root, file)}\nconst ${moduleVar(root, file)} = (() => {\n${code}\nreturn ${exportObject(exports)};\n})();\n`;
  });
  return { code: chunks.join('\n'), modules: order.map((f) => relative(root, f)), varOf: (file) => moduleVar(root, file) };
}

/**
 * One ES module from `entry` and everything it imports: the imported graph
 * bundled as above, then the entry's own code (which, being the module
 * itself, may use import.meta) with its imports turned into references.
 */
export function bundleEntryModule(root, entry) {
  const imports = [];
  const body = readFileSync(entry, 'utf8').replace(IMPORT_LINE, (whole, list, spec) => {
    if (!spec.startsWith('.')) throw new Error(`${relative(root, entry)}: only relative imports can be bundled (${spec})`);
    imports.push({ target: join(dirname(entry), spec), names: specifiers(list) });
    return '\0IMPORT' + (imports.length - 1) + '\0';
  });
  if (/^\s*(import|export)\s/m.test(body)) throw new Error(`${relative(root, entry)}: unsupported import or export in the entry`);
  const { code, modules, varOf } = bundleModules(root, imports.map((i) => i.target));
  const own = body.replace(/\0IMPORT(\d+)\0/g, (w, i) => {
    const { target, names } = imports[Number(i)];
    return `const { ${names.map(([local, exported]) => (local === exported ? local : `${local}: ${exported}`)).join(', ')} } = ${varOf(target)};`;
  });
  return { code: `${code}\n// ---- ${relative(root, entry)}\n${own}`, modules };
}

/**
 * wasm-bindgen's `--target web` glue (an ES module) → a plain function
 * declaration `function <name>() { …; return {annotate, version, initSync, default}; }`.
 * Its only use of import.meta is the default wasm URL of init(), which the
 * single-file build never calls (it uses initSync with inlined bytes).
 */
export function glueAsFunction(source, name) {
  const code = source.replace(/import\.meta\.url/g, 'globalThis.location.href');
  const stray = /^\s*import\b.*$/m.exec(code) || /\bimport\s*\(|import\.meta/.exec(code);
  if (stray) throw new Error(`wasm-bindgen glue: unexpected import: ${stray[0].trim()}`);
  const { code: body, exports } = stripExports(code, 'wasm-bindgen glue');
  const names = new Set(exports.map(([, exported]) => exported));
  for (const needed of ['initSync', 'annotate', 'version']) {
    if (!names.has(needed)) throw new Error(`wasm-bindgen glue does not export ${needed}`);
  }
  return `function ${name}() {\n${body}\nreturn ${exportObject(exports)};\n}\n`;
}

/** Makes script text safe inside an inline <script> element. */
export function inlineScriptText(code) {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--|<script/i.test(safe)) throw new Error('bundle contains "<!--" or "<script", which an inline <script> cannot hold safely');
  return safe;
}
