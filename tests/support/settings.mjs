// Reads the few settings the JS tests need from wasm-pack.toml.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const toml = readFileSync(join(root, 'wasm-pack.toml'), 'utf8');

/** The value of `key` in `[section]`: a string, number or array. */
export function setting(section, key) {
  const body = toml.split(`[${section}]`)[1]?.split(/^\[/m)[0] ?? '';
  const m = body.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, 'm'));
  if (!m) throw new Error(`wasm-pack.toml has no ${section}.${key}`);
  return JSON.parse(m[1]);
}
