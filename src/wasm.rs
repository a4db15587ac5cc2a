//! The browser boundary: the one module with `#[wasm_bindgen]`. It maps JS
//! input into the core's types and the core's result into plain JS objects,
//! and turns every failure into a real JS `Error`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::model::DocInput;

#[derive(Deserialize)]
struct JsDoc {
    #[serde(default)]
    name: Option<String>,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn error(msg: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(msg.as_ref()).into()
}

/// Annotate `docs`, an array of `{name, text, published?}`. Returns the same
/// object as `khabar annotate` prints, with UTF-16 offsets.
#[wasm_bindgen]
pub fn annotate(docs: JsValue) -> Result<JsValue, JsValue> {
    run(docs, &mut |_| {})
}

/// [`annotate`], calling `on_progress({stage, done, total})` after each step
/// (for a progress bar in a worker).
#[wasm_bindgen(js_name = annotateWithProgress)]
pub fn annotate_with_progress(docs: JsValue, on_progress: &js_sys::Function) -> Result<JsValue, JsValue> {
    run(docs, &mut |p| {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"stage".into(), &p.stage.into());
        let _ = js_sys::Reflect::set(&o, &"done".into(), &(p.done as u32).into());
        let _ = js_sys::Reflect::set(&o, &"total".into(), &(p.total as u32).into());
        // A throwing callback must not abort the analysis.
        let _ = on_progress.call1(&JsValue::NULL, &o);
    })
}

fn run(docs: JsValue, progress: &mut dyn FnMut(crate::Progress)) -> Result<JsValue, JsValue> {
    let docs: Vec<JsDoc> = serde_wasm_bindgen::from_value(docs)
        .map_err(|e| error(format!("annotate() expects an array of {{name, text, published?}} objects: {e}")))?;
    let inputs: Vec<DocInput> = docs
        .into_iter()
        .enumerate()
        .map(|(i, d)| DocInput {
            name: d.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| format!("article {}", i + 1)),
            text: d.text,
            published: d.published,
        })
        .collect();
    let ann = crate::annotate_with_progress(&inputs, progress).map_err(|e| error(e.to_string()))?;
    ann.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format!("could not hand the result to JavaScript: {e}")))
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
