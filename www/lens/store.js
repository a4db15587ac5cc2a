// Keeps the loaded articles across reloads in localStorage. Failures (quota,
// storage disabled, file:// quirks) are reported, never thrown.

const VERSION = 1;

export class ArticleStore {
  constructor(key) {
    this.key = key;
  }

  /** The saved articles, or null when nothing usable is stored. */
  load() {
    try {
      const raw = localStorage.getItem(this.key);
      if (!raw) return null;
      const data = JSON.parse(raw);
      if (data.version !== VERSION || !Array.isArray(data.articles)) return null;
      return data.articles.filter((a) => a && typeof a.text === 'string' && typeof a.name === 'string');
    } catch {
      return null;
    }
  }

  /** Returns false when the articles could not be saved. */
  save(articles) {
    try {
      localStorage.setItem(this.key, JSON.stringify({ version: VERSION, articles }));
      return true;
    } catch {
      return false;
    }
  }

  clear() {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // storage unavailable: nothing to clear
    }
  }
}
