// Tiny DOM builder. Every string child becomes a text node, so nothing the
// user loads can ever be parsed as HTML: this is the widget's only way of
// creating elements.

/**
 * h('button', {class: 'x', onclick: fn, 'aria-pressed': 'false'}, 'label', child)
 * Attributes: `class`, `dataset` (object), `on<event>` (listener), `hidden`
 * and other booleans (true/false), everything else via setAttribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Appends strings (as text nodes), nodes and nested arrays; skips null/false. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A span for a short piece of English inside Arabic UI text. */
export function en(text) {
  return h('span', { lang: 'en', dir: 'ltr', class: 'en' }, text);
}
