// All of the widget's CSS. It lives in the shadow root; `.lens` resets every
// inherited property (`all: initial`) so a host page's CSS cannot leak in
// through inheritance. Sizes are in px/em, never rem (the host page owns
// the root font size).

export const STYLES = `
:host { display: block !important; }
:host([hidden]) { display: none !important; }
[hidden] { display: none !important; }

.lens {
  all: initial;
  display: block;
  position: relative;
  box-sizing: border-box;
  direction: rtl;
  unicode-bidi: isolate;
  text-align: start;
  font-family: "Khabar Naskh", "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
  font-size: 16px;
  line-height: 1.7;
  color: #1f1d1a;
  background: #fbfaf7;
  border: 1px solid #d9d4c9;
  border-radius: 10px;
  padding: 12px;
  container: lens / inline-size;
  --accent: #0b5cad;
}
.lens *, .lens *::before, .lens *::after { box-sizing: border-box; }
.en { font-family: system-ui, "Segoe UI", "DejaVu Sans", sans-serif; font-size: 0.85em; color: #5c5850; unicode-bidi: isolate; }
.muted { color: #6b665c; font-size: 0.9em; }
h2, h3 { margin: 0; line-height: 1.4; }
h2 { font-size: 18px; }
h3 { font-size: 16px; }

button, input, textarea { font: inherit; color: inherit; }
button {
  font-size: 14px; line-height: 1.4; min-height: 32px;
  background: #fff; border: 1px solid #b9b3a6; border-radius: 6px;
  padding: 4px 10px; cursor: pointer;
}
button:hover { background: #f1eee6; }
button:disabled { opacity: 0.5; cursor: default; }
button:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 1px;
}
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.primary:hover { background: #094d91; }
button.link { border: none; background: none; color: var(--accent); text-decoration: underline; padding: 0 4px; min-height: 0; }
button.icon { min-width: 32px; padding: 0 6px; font-size: 18px; }
input[type=date], input[type=search], input[type=text], textarea {
  background: #fff; border: 1px solid #b9b3a6; border-radius: 6px; padding: 4px 8px; font-size: 15px;
}

.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; justify-content: space-between; }
.brand { display: flex; align-items: baseline; gap: 8px; }
.brand strong { font-size: 22px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }

.paste { margin-top: 10px; display: grid; gap: 8px; padding: 10px; background: #fff; border: 1px solid #d9d4c9; border-radius: 8px; }
.paste .row { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.paste textarea { width: 100%; min-height: 140px; resize: vertical; line-height: 1.8; }
.paste label { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.held { margin: 0; padding: 6px 10px; background: #eef5fc; border: 1px solid #a9c6e6; border-radius: 6px; color: #123a63; }

.messages:empty, .status:empty, .errors:empty { display: none; }
.messages { margin-top: 10px; display: grid; gap: 6px; }
.msg { margin: 0; padding: 6px 10px; border-radius: 6px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.msg .en { flex-basis: 100%; }
.msg button { margin-inline-start: auto; }
.msg.error { background: #fdecea; border: 1px solid #e4a59f; color: #7a1f17; }
.msg.notice { background: #eef5fc; border: 1px solid #a9c6e6; color: #123a63; }
.progress { margin-top: 10px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.progress progress { width: 160px; }

.panel { background: #fff; border: 1px solid #e0dbd0; border-radius: 8px; padding: 10px; }
.panel-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin-bottom: 8px; }
.timeline { margin-top: 12px; }
.main { display: grid; grid-template-columns: minmax(210px, 280px) minmax(0, 1fr); gap: 12px; margin-top: 12px; align-items: start; }
.docs { display: grid; gap: 12px; min-width: 0; }
.empty-state { padding: 24px; text-align: center; color: #6b665c; border: 2px dashed #d9d4c9; border-radius: 8px; }

.chip { border-radius: 999px; padding: 2px 10px; min-height: 28px; font-size: 13px; display: inline-flex; align-items: center; gap: 4px; }
.chip[aria-pressed=true] { background: #1f1d1a; border-color: #1f1d1a; color: #fff; }
.chip[aria-pressed=true] .en { color: #ddd; }
.legend-kind[aria-pressed=true], .legend-mark[aria-pressed=true] { background: #fff; color: inherit; border-color: #1f1d1a; }
.legend-kind[aria-pressed=false], .legend-mark[aria-pressed=false] { opacity: 0.55; text-decoration: line-through; }
.legend-mark { border-style: dashed; }
.legend { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 8px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; background: var(--bg); border: 2px solid var(--c); }
.count { font-size: 12px; background: #efece4; color: #3d3a33; border-radius: 999px; padding: 0 6px; margin-inline-start: 4px; }

.k-person { --c: #b0245b; --bg: #fde3ec; }
.k-place { --c: #17784c; --bg: #dbf2e3; }
.k-org { --c: #2d4ec2; --bg: #e2e8ff; }
.k-nationality { --c: #985a00; --bg: #ffefc7; }
.k-time { --c: #7a3ea5; --bg: #f2e6fa; }
.k-quantity { --c: #00778a; --bg: #ddf3f6; }
.k-quote { --c: #8d7750; --bg: #f1ebdd; }

.search { width: 100%; margin-bottom: 6px; }
.restrict-note { margin: 0 0 6px; font-size: 13px; background: #fff8e1; border-radius: 6px; padding: 4px 8px; }
.entity-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; max-height: 360px; overflow: auto; }
.entity { width: 100%; display: flex; align-items: center; gap: 6px; text-align: start; border-color: #e0dbd0; }
.entity .entity-name { flex: 1 1 auto; }
.entity[aria-pressed=true] { background: var(--bg); border-color: var(--c); box-shadow: inset 0 0 0 1px var(--c); }
.selection { margin-top: 10px; border-top: 1px solid #e0dbd0; padding-top: 8px; }
.selection-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.selection h4 { font-size: 14px; margin: 8px 0 2px; }
button.more { font-size: 13px; margin-top: 4px; }
.mention-list { margin: 6px 0 0; padding-inline-start: 20px; max-height: 280px; overflow: auto; font-size: 14px; }
.mention-ref { border: none; background: none; text-align: start; padding: 2px 0; min-height: 0; line-height: 1.7; }
.mention-ref mark { background: #fff59d; }

.doc { background: #fff; border: 1px solid #e0dbd0; border-radius: 8px; overflow: hidden; }
.doc-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; padding: 8px 12px; background: #f6f3ec; border-bottom: 1px solid #e0dbd0; }
.doc-name { flex: 1 1 0; min-width: 0; }
.doc-name h3 { display: inline; font-size: 15px; margin-inline-end: 6px; overflow-wrap: anywhere; }
.doc-articles { flex-basis: 100%; list-style: none; margin: 0; padding: 0; font-size: 14px; }
.doc-articles-wrap { flex-basis: 100%; }
.more-articles { font-size: 13px; }
.more-articles summary { cursor: pointer; color: var(--accent); }
.more-articles .doc-articles { max-height: 200px; overflow: auto; }
.doc-title { font-weight: bold; }
.date-edit { font-size: 14px; display: flex; align-items: center; gap: 6px; }
.text {
  white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; font-size: 17px;
  padding: 10px 14px; max-height: 65vh; overflow: auto;
}
.chunk.pending { min-height: var(--h); }
.chunked > .chunk { content-visibility: auto; contain-intrinsic-size: auto var(--h); }

.m, .t, .qty { unicode-bidi: isolate; border-radius: 3px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.m { background: var(--bg); border-bottom: 2px solid var(--c); cursor: pointer; padding: 0 1px; }
.m:hover { background: color-mix(in srgb, var(--bg) 60%, var(--c) 25%); }
.t { background: #f2e6fa; border-bottom: 2px dotted #7a3ea5; }
.qty { background: #ddf3f6; border-bottom: 2px dashed #00778a; }
.m .t, .m .qty, .t .m, .qty .m { background: none; }
.hide-person .m.k-person, .hide-place .m.k-place, .hide-org .m.k-org, .hide-nationality .m.k-nationality {
  background: none; border-bottom-color: transparent; cursor: text;
}
.has-selection .m:not(.selected) { opacity: 0.7; }
.m.selected { background: var(--c); color: #fff; border-bottom-color: #1f1d1a; outline: 2px solid #1f1d1a; outline-offset: 0; opacity: 1; }
/* Quotes: a light tint over the quoted words (darker where quotes nest),
   «direct» words underlined too; the cue (قال، أضاف…) in bold brown. */
.quote { background-color: rgba(150, 122, 70, 0.1); border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.quote.direct { background-image: linear-gradient(transparent 87%, #a08a60 87%, #a08a60 95%, transparent 95%); }
.cue { color: #6b4a12; font-weight: bold; border-bottom: 2px dotted #a08a60; }
.quote.said { background-color: rgba(176, 36, 91, 0.13); }
.cue.said { background: #fde3ec; }
.hide-quote .quote { background: none; }
.hide-quote .cue { color: inherit; font-weight: inherit; border-bottom: none; background: none; }
.hide-time .t, .hide-quantity .qty { background: none; border-bottom-color: transparent; }
.aside-text { color: #7a756b; }
.dateline { font-weight: bold; }
.art { display: block; }
.art.later:not(.cont) { border-top: 1px dashed #b9b3a6; margin-top: 6px; padding-top: 6px; }
.ev-active { background: #fff3b0; box-shadow: 0 0 0 2px #f0b400; border-radius: 3px; }
.flash { animation: flash 2.2s ease-out 1; }
/* Scrolled to with block: 'nearest': keep some room around, not at the very edge. */
.ev, .quote, .qty, .m { scroll-margin-block: 110px; }
@keyframes flash {
  0%, 35% { background: #ffca28; box-shadow: 0 0 0 5px #ff8f00; }
  100% { }
}

.card {
  position: fixed; z-index: 20; max-width: 300px; min-width: 180px;
  background: #fff; border: 1px solid #8f897c; border-radius: 8px; padding: 8px 12px;
  box-shadow: 0 6px 20px rgba(0, 0, 0, 0.18); font-size: 14px; line-height: 1.6; pointer-events: none;
}
.card-name { font-size: 17px; font-weight: bold; }
.card-en { font-family: system-ui, "DejaVu Sans", sans-serif; color: #444; }
.card-kind { display: inline-block; border-radius: 999px; padding: 0 8px; background: var(--bg); border: 1px solid var(--c); font-size: 13px; margin: 2px 0 4px; }
.card-counts { margin: 4px 0 0; padding-inline-start: 18px; }

.tl-filter { font-size: 13px; }
.zoom { display: flex; gap: 4px; }
.tl-empty { margin: 0; }
.tl-scroll { overflow-x: auto; overflow-y: hidden; padding-bottom: 8px; }
.tl-track { display: flex; list-style: none; margin: 0; padding: 0; min-width: min-content; position: relative; }
.tl-track::before { content: ""; position: absolute; top: 34px; inset-inline: 0; height: 2px; background: #b9b3a6; }
.tl-col { flex: 0 0 200px; padding: 0 6px; }
.tl-tick { position: relative; height: 44px; font-size: 13px; color: #4d4940; white-space: nowrap; }
.tl-tick::after { content: ""; position: absolute; top: 29px; inset-inline-start: 8px; width: 12px; height: 12px; border-radius: 50%; background: #1f1d1a; border: 2px solid #fff; }
.tl-count { color: #8a8478; }
.tl-gap { flex: 0 0 70px; font-size: 12px; color: #8a8478; text-align: center; padding-top: 4px; }
.tl-items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.tl-item {
  width: 100%; display: flex; flex-direction: column; align-items: stretch; gap: 2px; text-align: start;
  background: #fff; border: 1px solid #cfc8b8; border-inline-start: 4px solid #4d4940; border-radius: 6px;
  padding: 6px 8px; font-size: 14px; line-height: 1.55;
}
.tl-item.planned { border-style: dashed; border-inline-start-style: dashed; }
.tl-item[aria-pressed=true] { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); background: #eef5fc; }
.tl-date { font-size: 12px; color: #4d4940; display: flex; gap: 6px; align-items: center; }
/* Long labels are clamped on screen (all of it stays in the button's text). */
.tl-what { font-weight: bold; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; overflow-wrap: anywhere; }
.tl-meta { font-size: 12px; color: #5c5850; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tl-item[aria-pressed=true] .tl-what, .tl-item:focus-visible .tl-what { -webkit-line-clamp: 6; }
.tl-item[aria-pressed=true] .tl-meta, .tl-item:focus-visible .tl-meta { white-space: normal; }
.tl-src bdi { display: inline-block; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
.tl-says { font-size: 12px; color: #00778a; }
.tl-says .dis { color: #a34f00; font-weight: bold; }
.badge { font-size: 11px; background: #fff3cd; border: 1px solid #e0c068; border-radius: 999px; padding: 0 6px; }
.tl-more { font-size: 13px; min-height: 28px; }

.tabs { display: flex; flex-wrap: wrap; gap: 2px; border-bottom: 1px solid #e0dbd0; margin-bottom: 8px; }
.tab { border: none; border-bottom: 3px solid transparent; border-radius: 6px 6px 0 0; background: none; font-size: 16px; font-weight: bold; padding: 4px 8px; color: #4d4940; }
.tab[aria-selected=true] { border-bottom-color: var(--accent); color: var(--accent); }
.tab[aria-selected=true] .en { color: var(--accent); }

.says { margin-top: 10px; border-top: 1px solid #e0dbd0; padding-top: 8px; }
.says-head { display: flex; flex-wrap: wrap; gap: 2px 12px; align-items: baseline; }
.says-head h3 { font-size: 16px; }
.disagree { margin: 8px 0 0; padding: 6px 10px; background: #fff4e5; border: 1px solid #f0b46a; border-inline-start: 5px solid #d9822b; border-radius: 6px; color: #5c3500; }
.disagree ul { margin: 4px 0 0; padding-inline-start: 18px; }
.disagree .dis-kind { font-size: 0.9em; color: #6b5a44; }
.disagree .dis-kind.conflict { color: #a12a00; font-weight: 600; }
.dis-summary { font-weight: bold; }
.disagree button.link { color: #7a3f00; padding: 0 2px; }
.says-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 8px; margin-top: 8px; }
.source-card { border: 1px solid #e0dbd0; border-radius: 6px; padding: 6px 10px; background: #fcfbf8; min-width: 0; }
.source-card h4 { font-size: 14px; margin: 0 0 2px; overflow-wrap: anywhere; }
.source-card h5 { font-size: 13px; margin: 6px 0 2px; color: #5c5850; }
.source-card p { margin: 4px 0; }
.figs, .quotes { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.claim { display: block; width: 100%; border: none; background: none; text-align: start; padding: 2px 4px; min-height: 0; line-height: 1.65; border-radius: 4px; font-size: 14px; }
.claim:hover { background: #f1eee6; }
.fig .fig-value { background: #ddf3f6; border-bottom: 2px dashed #00778a; padding: 0 2px; font-weight: bold; }
.fig.disputed .fig-value { background: #ffe0b2; border-bottom: 2px solid #d9822b; }
.flag { color: #a34f00; font-size: 12px; font-weight: bold; }
.fig-text { font-size: 12px; }
.kind-badge { font-size: 11px; border: 1px solid #cfc8b8; border-radius: 999px; padding: 0 6px; margin-inline-end: 4px; color: #5c5850; background: #fff; }
.quote-ref.direct .kind-badge { background: #efe8d8; border-color: #a08a60; }
.quote-ref .src { font-size: 12px; color: #6b665c; margin-inline-end: 6px; }
.quote-ref .who { font-size: 13px; }
.quote-ref .qtext { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.speakers { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; max-height: 70vh; overflow: auto; }
.speaker-head { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 8px; }
.speaker-name { font-weight: bold; display: inline-flex; gap: 6px; align-items: center; }
.speaker-name[aria-pressed=true] { background: var(--bg); border-color: var(--c); box-shadow: inset 0 0 0 1px var(--c); }
.speaker-name.anon { font-weight: normal; color: #5c5850; }
.quote-list { margin: 2px 0 0; padding-inline-start: 18px; display: grid; gap: 2px; }
.said-list { max-height: 240px; overflow: auto; }

.drop {
  position: absolute; inset: 0; z-index: 15; display: flex; align-items: center; justify-content: center;
  background: rgba(11, 92, 173, 0.12); border: 3px dashed var(--accent); border-radius: 10px;
  font-size: 20px; color: #0b3f75; pointer-events: none;
}
.footer { margin-top: 10px; font-size: 12px; color: #8a8478; }

@container lens (max-width: 760px) {
  .main { grid-template-columns: minmax(0, 1fr); }
  .entity-list { max-height: 220px; }
}
@container lens (max-width: 480px) {
  .text { font-size: 16px; }
  .tl-col { flex-basis: 170px; }
  .text { padding: 8px 10px; max-height: 70vh; }
  .actions button { padding: 4px 8px; }
}
@media (prefers-reduced-motion: reduce) {
  .flash { animation-duration: 0.01s; }
}
`;
