//! The browser boundary: the one module with `#[wasm_bindgen]`. It maps JS
//! input into the core's types and the core's result into plain JS objects,
//! and turns every failure into a real JS `Error`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::model::DocInput;

/// Reads `docs` by hand rather than through serde: the messages can name
/// the offending item, and serde's deserialiser (with its float formatting)
/// would add a tenth to the wasm.
fn read_docs(docs: &JsValue) -> Result<Vec<DocInput>, JsValue> {
    const SHAPE: &str = "annotate() expects an array of {name, text, published?} objects";
    if !js_sys::Array::is_array(docs) {
        return Err(error(format!("{SHAPE}, not {}", type_name(docs))));
    }
    let mut out = Vec::new();
    for (i, item) in js_sys::Array::from(docs).iter().enumerate() {
        if !item.is_object() {
            return Err(error(format!("{SHAPE}: item {} is {}", i + 1, type_name(&item))));
        }
        let field = |key: &str| js_sys::Reflect::get(&item, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let optional = |key: &str| -> Result<Option<String>, JsValue> {
            let v = field(key);
            if v.is_undefined() || v.is_null() {
                return Ok(None);
            }
            v.as_string().map(Some).ok_or_else(|| error(format!("{SHAPE}: item {} has a {key} that is {}", i + 1, type_name(&v))))
        };
        let text = field("text")
            .as_string()
            .ok_or_else(|| error(format!("{SHAPE}: item {} has no text string", i + 1)))?;
        let name = optional("name")?.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| format!("article {}", i + 1));
        out.push(DocInput { name, text, published: optional("published")? });
    }
    Ok(out)
}

fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "an array".into()
    } else {
        format!("a {}", v.js_typeof().as_string().unwrap_or_default())
    }
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
    let inputs = read_docs(&docs)?;
    let ann = crate::annotate_with_progress(&inputs, progress).map_err(|e| error(e.to_string()))?;
    ann.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format!("could not hand the result to JavaScript: {e}")))
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
