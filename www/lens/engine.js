// Runs the wasm core off the main thread. A Blob worker is used in both
// builds: in the multi-file site it is a module worker that imports
// ./pkg/khabar.js by absolute URL; in the single-file build (file://, where a
// module worker cannot load a file) it is a classic worker whose text is the
// inlined wasm-bindgen glue itself. The wasm bytes are posted to the worker,
// which initialises with initSync({module: bytes}). If no worker can start,
// annotation falls back to the main thread (no cancel there).

/**
 * The worker's whole program. It is turned into source text with
 * toString(), so it must not refer to anything outside itself.
 */
export function serveAnnotations(scope, loadGlue) {
  let glue = null;
  scope.onmessage = async (event) => {
    const msg = event.data;
    try {
      if (msg.type === 'init') {
        glue = await loadGlue();
        glue.initSync({ module: msg.wasm });
        scope.postMessage({ type: 'ready', version: glue.version() });
        // The core builds its tables on first use (a few hundred ms): do it
        // now, while the page is idle, rather than on the first request.
        if (msg.warmUp) {
          try {
            glue.annotate(msg.warmUp);
          } catch {
            // a failing warm-up only means the first request pays the cost
          }
        }
      } else if (msg.type === 'annotate') {
        // Cores with annotateWithProgress report {stage, done, total} per step.
        const report = (p) => scope.postMessage({ type: 'progress', id: msg.id, stage: p.stage, done: p.done, total: p.total });
        const result = typeof glue.annotateWithProgress === 'function' ? glue.annotateWithProgress(msg.docs, report) : glue.annotate(msg.docs);
        // As UTF-8 JSON in a transferred buffer: the page parses JSON about
        // twice as fast as it deserialises the same object graph (tens of MB
        // for a 10 MB input), and takes a buffer without copying it, where
        // receiving a string that size blocks it for a good while.
        const utf8 = new TextEncoder().encode(JSON.stringify(result));
        scope.postMessage({ type: 'result', id: msg.id, utf8: utf8.buffer }, [utf8.buffer]);
      }
    } catch (err) {
      scope.postMessage({ type: 'error', id: msg.id, message: String((err && err.message) || err) });
    }
  };
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

function base64ToBytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Source for the single-file build: `glueFactory` is wasm-bindgen's glue
 * wrapped in a function returning its exports; the wasm comes gzipped and
 * base64-encoded (gzip first: base64 of raw wasm compresses badly, so the
 * page would be much bigger over the wire).
 */
export function inlineSource(glueFactory, wasmGzipBase64) {
  return {
    loadGlue: async () => glueFactory(),
    wasmBytes: () => gunzip(base64ToBytes(wasmGzipBase64)),
    workerScript: () => ({
      type: 'classic',
      code: `'use strict';\n${glueFactory}\n${serveAnnotations}\nserveAnnotations(self, async () => ${glueFactory.name}());\n`,
    }),
  };
}

/**
 * source: {loadGlue(), wasmBytes(), workerScript() → {type, code}}.
 * One annotation at a time: a new request cancels the running one.
 */
export class Engine {
  /** options.warmUp: articles the worker annotates once after starting (not on the main thread). */
  constructor(source, options = {}) {
    this.source = source;
    this.warmUp = options.warmUp || null;
    this.mode = null; // 'worker' | 'main'
    this.version = null;
    this.bytes = null;
    this.glue = null;
    this.workerReady = null;
    this.pending = null;
    this.seq = 0;
    this.readyPromise = null;
  }

  ready() {
    this.readyPromise ||= this.start();
    return this.readyPromise;
  }

  async start() {
    this.bytes = await this.source.wasmBytes();
    try {
      this.workerReady = this.spawnWorker();
      await this.workerReady;
      this.mode = 'worker';
    } catch {
      this.workerReady = null;
      this.glue = await this.source.loadGlue();
      this.glue.initSync({ module: this.bytes });
      this.version = this.glue.version();
      this.mode = 'main';
    }
    return this.version;
  }

  spawnWorker() {
    const { type, code } = this.source.workerScript();
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    let worker;
    try {
      worker = new Worker(url, { type });
    } catch (err) {
      URL.revokeObjectURL(url);
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      const fail = (why) => {
        URL.revokeObjectURL(url);
        worker.terminate();
        reject(new Error(why));
      };
      worker.onerror = (e) => {
        e.preventDefault();
        fail(e.message || 'the worker could not start');
      };
      worker.onmessage = (e) => {
        if (e.data.type !== 'ready') return fail(e.data.message || 'the worker could not start');
        URL.revokeObjectURL(url);
        this.version = e.data.version;
        worker.onmessage = (ev) => this.settle(ev.data);
        worker.onerror = (ev) => {
          ev.preventDefault();
          this.settle({ type: 'error', id: this.pending && this.pending.id, message: ev.message || 'worker error' });
        };
        resolve(worker);
      };
      worker.postMessage({ type: 'init', wasm: this.bytes.slice(0), warmUp: this.warmUp });
    });
  }

  settle(msg) {
    const pending = this.pending;
    if (!pending || msg.id !== pending.id) return;
    if (msg.type === 'progress') {
      if (pending.onProgress) pending.onProgress({ stage: msg.stage, done: msg.done, total: msg.total });
      return;
    }
    this.pending = null;
    if (msg.type === 'result' && msg.utf8 !== undefined) {
      // Decoding and parsing in two tasks keeps each one shorter.
      const json = new TextDecoder().decode(msg.utf8);
      setTimeout(() => {
        try {
          pending.resolve(JSON.parse(json));
        } catch (err) {
          pending.reject(err);
        }
      }, 0);
    } else if (msg.type === 'result') {
      // On the main thread: the result object itself.
      pending.resolve(msg.result);
    }
    else {
      // A trap may leave the wasm instance unusable: start afresh next time.
      if (this.mode === 'worker') this.dropWorker();
      pending.reject(new Error(msg.message));
    }
  }

  dropWorker() {
    const ready = this.workerReady;
    this.workerReady = null;
    if (ready) ready.then((w) => w.terminate(), () => {});
  }

  get canCancel() {
    return this.mode === 'worker';
  }

  /**
   * Resolves with the core's result; rejects with its Error, or with
   * CancelledError when cancel() or a newer request comes first.
   * onProgress({stage, done, total}) is called as the worker reports steps.
   */
  annotate(docs, onProgress = null) {
    this.cancel();
    const id = ++this.seq;
    const promise = new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject, onProgress, posted: false };
    });
    // A cancel may reject it before our caller awaits it: not "unhandled".
    promise.catch(() => {});
    this.dispatch(id, docs);
    return promise;
  }

  async dispatch(id, docs) {
    const live = () => this.pending && this.pending.id === id;
    try {
      await this.ready();
      if (!live()) return;
      if (this.mode === 'main') {
        // Let the page paint the progress note before the blocking call.
        await new Promise((resolve) => setTimeout(resolve, 30));
        if (!live()) return;
        const result = this.glue.annotate(docs);
        this.settle({ type: 'result', id, result });
        return;
      }
      this.workerReady ||= this.spawnWorker();
      const worker = await this.workerReady;
      if (!live()) return;
      this.pending.posted = true;
      worker.postMessage({ type: 'annotate', id, docs });
    } catch (err) {
      if (!live()) return;
      const { reject } = this.pending;
      this.pending = null;
      if (this.mode === 'worker') this.dropWorker();
      reject(err);
    }
  }

  /** Stops the running annotation (worker mode). Returns true if one was stopped. */
  cancel() {
    const pending = this.pending;
    if (!pending) return false;
    this.pending = null;
    // Only a request the worker is already running needs the worker killed.
    if (pending.posted) this.dropWorker();
    pending.reject(new CancelledError());
    return true;
  }
}
