// Entry point of <khabar-lens> for the multi-file site: one script tag,
//   <script type="module" src=".../khabar-lens.js"></script>
// and everything else (the wasm core in ./pkg, the font) is found relative
// to this file. The single-file build (build.mjs) replaces this entry with
// one that inlines the core and the font.

import { defineKhabarLens } from './lens/element.js';
import { serveAnnotations } from './lens/engine.js';

const glueUrl = new URL('./pkg/khabar.js', import.meta.url).href;

defineKhabarLens({
  fontUrl: new URL('./fonts/khabar-naskh-subset.woff2', import.meta.url).href,
  // The samples as annotated at build time (www/build.mjs writes it next to
  // this file in dist/site/); without it they are annotated on load.
  samplesResult: async () => {
    const response = await fetch(new URL('./samples-annotated.json', import.meta.url));
    return response.ok ? response.json() : null;
  },
  source: {
    loadGlue: () => import(glueUrl),
    wasmBytes: async () => {
      const response = await fetch(new URL('khabar_bg.wasm', glueUrl));
      if (!response.ok) throw new Error(`${response.status} ${response.url}`);
      return response.arrayBuffer();
    },
    workerScript: () => ({
      type: 'module',
      code: `${serveAnnotations}\nserveAnnotations(self, () => import(${JSON.stringify(glueUrl)}));\n`,
    }),
  },
});
