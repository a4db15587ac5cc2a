//! The wasm build's JS API, run in Node by wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

#[path = "common/wasm.rs"]
mod wasm_common;

wasm_suite!();
