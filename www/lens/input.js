// Turning what the user hands us (files, pasted text, a src URL) into
// {name, text} articles, or a coded reason why not. HTML is parsed with
// DOMParser into an inert document and only its text is read.

import { message, formatSize } from './labels.js';

// A file may be as big as the total allows (12 million characters of Arabic
// are about 24 MB of UTF-8), so a 10 MB file loads like a 10 MB paste.
export const MAX_FILE_BYTES = 24e6;
export const MAX_TOTAL_CHARS = 12e6;

const HTML_NAME = /\.html?$/i;
const TEXT_NAME = /\.(txt|text|md)$/i;

export class InputError extends Error {
  constructor(info) {
    super(info.en);
    this.info = info;
  }
}

/** True when the bytes look like a binary file rather than text. */
export function looksBinary(bytes) {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** Bytes → text, throwing InputError('binary' | 'invalid-utf8'). */
export function decodeText(bytes, name) {
  if (looksBinary(bytes)) throw new InputError(message('binary', { name }));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(message('invalid-utf8', { name }));
  }
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'NAV', 'BUTTON', 'SELECT', 'FORM']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'PRE', 'DL', 'DT', 'DD', 'ADDRESS', 'TIME', 'HR']);

/** The readable text of an HTML page, paragraphs kept as blank lines. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.querySelector('article') || doc.body;
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.nodeValue.replace(/\s+/g, ' '));
      else if (child.nodeType === Node.ELEMENT_NODE && !SKIP.has(child.tagName.toUpperCase())) {
        const tag = child.tagName.toUpperCase();
        if (tag === 'BR') parts.push('\n');
        else if (BLOCK.has(tag)) {
          parts.push('\n\n');
          walk(child);
          parts.push('\n\n');
        } else walk(child);
      }
    }
  };
  if (root) walk(root);
  let text = parts.join('').split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  // A page whose <article> lacks the headline: take it from <title>.
  const title = doc.querySelector('h1') || doc.querySelector('title');
  const heading = title ? title.textContent.replace(/\s+/g, ' ').trim() : '';
  if (heading && !text.includes(heading)) text = `${heading}\n\n${text}`;
  return text;
}

/** Checks one article; throws InputError('empty'). Returns a clean copy. */
export function checkArticle(article) {
  const name = String(article.name || '').trim() || 'مقال';
  const text = typeof article.text === 'string' ? article.text.replace(/\r\n?/g, '\n') : '';
  if (!text.trim()) throw new InputError(message('empty', { name }));
  const clean = { name, text };
  if (article.published) clean.published = String(article.published);
  return clean;
}

/** Throws InputError('total-too-large') when all texts together are too big. */
export function checkTotal(articles) {
  const total = articles.reduce((n, a) => n + a.text.length, 0);
  if (total > MAX_TOTAL_CHARS) throw new InputError(message('total-too-large', { limit: formatSize(MAX_TOTAL_CHARS) }));
}

/** Bytes of a named .txt/.html file → an article. */
export function articleFromBytes(name, bytes, type = '') {
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(message('too-large', { name, limit: formatSize(MAX_FILE_BYTES) }));
  const text = decodeText(bytes, name);
  const isHtml = HTML_NAME.test(name) || /html/.test(type) || (!TEXT_NAME.test(name) && /^\s*(<!doctype html|<html)/i.test(text));
  return checkArticle({ name, text: isHtml ? htmlToText(text) : text });
}

/** Reads File objects; returns {articles, errors} so good files still load. */
export async function readFiles(files) {
  const articles = [];
  const errors = [];
  for (const file of files) {
    try {
      if (!HTML_NAME.test(file.name) && !TEXT_NAME.test(file.name) && file.type && !/^text\//.test(file.type)) {
        throw new InputError(message('wrong-type', { name: file.name }));
      }
      articles.push(articleFromBytes(file.name, new Uint8Array(await file.arrayBuffer()), file.type));
    } catch (err) {
      errors.push(err instanceof InputError ? err.info : message('read-failed', { name: file.name }));
    }
  }
  return { articles, errors };
}

/** Fetches a same-origin .txt/.html (the `src` attribute). */
export async function readUrl(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin || url.origin === 'null') throw new InputError(message('src-origin', { name: url.href }));
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new InputError(message('src-failed', { name: url.href }));
  }
  if (!response.ok) throw new InputError(message('src-failed', { name: `${url.href} (${response.status})` }));
  const name = decodeURIComponent(url.pathname.split('/').pop() || url.href);
  return articleFromBytes(name, new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type') || '');
}

/** A name not yet used by `existing` ("x.txt" → "x (2).txt"). */
export function uniqueName(name, existing) {
  const used = new Set(existing);
  if (!used.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; ; i++) if (!used.has(`${stem} (${i})${ext}`)) return `${stem} (${i})${ext}`;
}
