//! Shared checks for the wasm-bindgen-test suites (Node and headless
//! Chromium): the JS-facing `annotate` returns plain objects with UTF-16
//! offsets and throws real `Error`s.


use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub fn doc(name: &str, text: &str, published: Option<&str>) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &name.into()).unwrap();
    Reflect::set(&o, &"text".into(), &text.into()).unwrap();
    if let Some(p) = published {
        Reflect::set(&o, &"published".into(), &p.into()).unwrap();
    }
    o.into()
}

pub fn docs(items: &[JsValue]) -> JsValue {
    items.iter().collect::<Array>().into()
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

pub fn error_message(v: &JsValue) -> String {
    let e: &js_sys::Error = v.dyn_ref().expect("a thrown value must be a JS Error");
    e.message().into()
}

/// `annotate` returns plain objects: documents with every field the contract
/// names, articles covering the text, UTF-16 offsets.
pub fn returns_plain_objects() {
    // An astral character first: byte, code point and UTF-16 offsets differ.
    let text = "😀 قال الرئيس إن المحادثات في إسطنبول انتهت.\nوأضاف أن الوفد سيعود يوم الجمعة.";
    let out = khabar::wasm::annotate(docs(&[doc("a.txt", text, Some("2025-06-03"))])).unwrap();
    assert!(out.is_object());
    for key in ["documents", "entities", "timeline"] {
        assert!(Array::is_array(&get(&out, key)), "{key} is an array");
    }
    let d = Array::from(&get(&out, "documents")).get(0);
    assert_eq!(get(&d, "file").as_string().unwrap(), "a.txt");
    let js_len = js_sys::JsString::from(text).length() as f64;
    assert_eq!(get(&d, "length").as_f64().unwrap(), js_len);
    for key in ["articles", "mentions", "times", "quantities", "quotes"] {
        assert!(Array::is_array(&get(&d, key)), "{key} is an array");
    }
    let a = Array::from(&get(&d, "articles")).get(0);
    assert_eq!(get(&a, "start").as_f64().unwrap(), 0.0);
    assert_eq!(get(&a, "end").as_f64().unwrap(), js_len);
    assert_eq!(get(&a, "published").as_string().unwrap(), "2025-06-03");
    // Absent values are null, never undefined: JSON-compatible.
    assert!(get(&a, "dateline").is_null());
}

/// Every span indexes the JS string exactly: `text.slice(start, end)` is the
/// reported text.
pub fn spans_are_utf16() {
    let text = "😀😀 وصل الرئيس الأوكراني فولوديمير زيلينسكي إلى إسطنبول يوم 16 مايو 2025.";
    let out = khabar::wasm::annotate(docs(&[doc("b.txt", text, None)])).unwrap();
    let d = Array::from(&get(&out, "documents")).get(0);
    let js = js_sys::JsString::from(text);
    for key in ["mentions", "times"] {
        for m in Array::from(&get(&d, key)).iter() {
            let s = get(&m, "start").as_f64().unwrap() as u32;
            let e = get(&m, "end").as_f64().unwrap() as u32;
            assert_eq!(js.slice(s, e), js_sys::JsString::from(get(&m, "text")));
        }
    }
}

/// Bad input is a thrown `Error` with a clear message, never a panic.
pub fn errors_are_js_errors() {
    let e = khabar::wasm::annotate(docs(&[doc("empty.txt", "  \n\u{200B} ", None)])).unwrap_err();
    assert!(error_message(&e).contains("empty.txt"));
    let e = khabar::wasm::annotate(docs(&[])).unwrap_err();
    assert!(error_message(&e).contains("no documents"));
    let e = khabar::wasm::annotate(JsValue::from(42)).unwrap_err();
    assert!(error_message(&e).contains("expects an array"));
    let e = khabar::wasm::annotate(docs(&[JsValue::from(42)])).unwrap_err();
    assert!(error_message(&e).contains("item 1 is a number"), "{}", error_message(&e));
    let e = khabar::wasm::annotate(docs(&[doc("ok.txt", "نص", None), Object::new().into()])).unwrap_err();
    assert!(error_message(&e).contains("item 2 has no text"), "{}", error_message(&e));
    let e = khabar::wasm::annotate(docs(&[doc("d.txt", "نص", Some("2025-02-30"))])).unwrap_err();
    assert!(error_message(&e).contains("2025-02-30"));
    // After errors the module still works.
    assert!(khabar::wasm::annotate(docs(&[doc("ok.txt", "نص قصير", None)])).is_ok());
}

/// Hostile text (markup, bidi controls, zero-width, lone surrogates cannot
/// reach Rust: JS strings are re-encoded) is analysed, not rejected.
pub fn hostile_text_is_just_text() {
    let text = "<script>alert(1)</script> \u{202E}موسكو\u{202C} <img src=x onerror=alert(2)> \u{200D}\u{FEFF}كييف";
    let out = khabar::wasm::annotate(docs(&[doc("h.html", text, None)])).unwrap();
    let d = Array::from(&get(&out, "documents")).get(0);
    assert_eq!(get(&d, "length").as_f64().unwrap(), js_sys::JsString::from(text).length() as f64);
}

/// Progress goes from the first step to `done == total`, and a callback
/// that throws does not stop the analysis.
pub fn progress_is_reported() {
    use wasm_bindgen::closure::Closure;
    let seen = Array::new();
    let sink = seen.clone();
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
        sink.push(&p);
    });
    let input = docs(&[doc("a.txt", "نص أول.", None), doc("b.txt", "نص ثان.", None)]);
    khabar::wasm::annotate_with_progress(input, cb.as_ref().unchecked_ref()).unwrap();
    assert!(seen.length() >= 2);
    let last = seen.get(seen.length() - 1);
    assert_eq!(get(&last, "done").as_f64(), get(&last, "total").as_f64());
    let throwing = js_sys::Function::new_with_args("p", "throw new Error('callback failed')");
    let input = docs(&[doc("c.txt", "نص ثالث.", None)]);
    assert!(khabar::wasm::annotate_with_progress(input, &throwing).is_ok());
}

/// The suite, instantiated once for Node and once for the browser.
#[macro_export]
macro_rules! wasm_suite {
    () => {
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn returns_plain_objects() {
            wasm_common::returns_plain_objects();
        }
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn spans_are_utf16() {
            wasm_common::spans_are_utf16();
        }
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn errors_are_js_errors() {
            wasm_common::errors_are_js_errors();
        }
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn hostile_text_is_just_text() {
            wasm_common::hostile_text_is_just_text();
        }
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn progress_is_reported() {
            wasm_common::progress_is_reported();
        }
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn version_is_the_crate_version() {
            assert_eq!(khabar::wasm::version(), env!("CARGO_PKG_VERSION"));
        }
    };
}
