// Reads the project's own settings file, wasm-pack.toml, for build.mjs and
// the page tests. A deliberately tiny TOML reader: [sections], and
// `key = value` where value is a string, number, boolean or an array of
// those (arrays may span lines). That is all the file uses.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function stripComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function parseValue(text, where) {
  const t = text.trim();
  if (t.startsWith('[')) {
    const inner = t.slice(1, t.lastIndexOf(']'));
    const items = [];
    const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|([^,\s]+)/g;
    let m;
    while ((m = re.exec(inner))) items.push(m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2] !== undefined ? m[2] : parseValue(m[3], where));
    return items;
  }
  if (t.startsWith('"')) return JSON.parse(t);
  if (t.startsWith("'")) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  throw new Error(`wasm-pack.toml: cannot read value ${t} (${where})`);
}

export function parseToml(source) {
  const out = {};
  let section = out;
  let pending = null; // a multi-line array: {key, text}
  source.split('\n').forEach((raw, n) => {
    const line = stripComment(raw).trim();
    if (pending) {
      pending.text += ' ' + line;
      if (line.includes(']')) {
        section[pending.key] = parseValue(pending.text, `line ${n + 1}`);
        pending = null;
      }
      return;
    }
    if (!line) return;
    const header = /^\[([\w.-]+)\]$/.exec(line);
    if (header) {
      section = out;
      for (const part of header[1].split('.')) section = section[part] ||= {};
      return;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`wasm-pack.toml: cannot read line ${n + 1}: ${raw}`);
    const key = line.slice(0, eq).trim().replace(/^"(.*)"$/, '$1');
    const value = line.slice(eq + 1).trim();
    if (value.startsWith('[') && !value.includes(']')) pending = { key, text: value };
    else section[key] = parseValue(value, `line ${n + 1}`);
  });
  return out;
}

/** The parsed wasm-pack.toml of this repository. */
export function projectSettings() {
  return parseToml(readFileSync(join(ROOT, 'wasm-pack.toml'), 'utf8'));
}
