//! The wasm build's JS API, run in headless Chromium (through chromedriver)
//! by wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

#[path = "common/wasm.rs"]
mod wasm_common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

wasm_suite!();
