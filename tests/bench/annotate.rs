//! `cargo bench`: native throughput and peak memory of `annotate` on 60 KB,
//! 1 MB and 10 MB of Arabic news, and how time grows with size. Prints
//! figures; asserts nothing (speed is measured here, not in tests).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use khabar::model::DocInput;

#[path = "corpus.rs"]
mod corpus;

/// Counts live heap bytes and their peak.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    // The gazetteer and lexicons are built once, on first use: timed apart,
    // and kept out of the per-size figures.
    let before = LIVE.load(Ordering::Relaxed);
    let t = Instant::now();
    let warm = [DocInput { name: "warm-up".into(), text: "قال الرئيس في موسكو.".into(), published: None }];
    khabar::annotate(&warm).expect("annotate");
    println!(
        "one-time set-up (gazetteer, lexicons): {:.1} ms, {:.1} MB resident",
        t.elapsed().as_secs_f64() * 1e3,
        (LIVE.load(Ordering::Relaxed) - before) as f64 / (1 << 20) as f64
    );
    let sizes = [("60 KB", 60 * 1024), ("1 MB", 1 << 20), ("10 MB", 10 << 20)];
    println!("native annotate ({} cores), best of runs:", std::thread::available_parallelism().map_or(1, |n| n.get()));
    println!("{:>7} {:>6} {:>10} {:>9} {:>12} {:>8}", "input", "docs", "seconds", "MB/s", "peak MB", "peak/in");
    let mut per_mb = Vec::new();
    for (label, size) in sizes {
        let texts = corpus::corpus(size);
        let bytes: usize = texts.iter().map(String::len).sum();
        let inputs: Vec<DocInput> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| DocInput { name: format!("doc{i}.txt"), text, published: None })
            .collect();
        let runs = if size > (4 << 20) { 2 } else { 5 };
        let mut best = f64::MAX;
        let mut peak = 0;
        for _ in 0..runs {
            let base = LIVE.load(Ordering::Relaxed);
            PEAK.store(base, Ordering::Relaxed);
            let t = Instant::now();
            let ann = khabar::annotate(&inputs).expect("annotate");
            best = best.min(t.elapsed().as_secs_f64());
            std::hint::black_box(&ann);
            drop(ann);
            peak = peak.max(PEAK.load(Ordering::Relaxed) - base);
        }
        let mb = bytes as f64 / (1 << 20) as f64;
        per_mb.push(best / mb);
        println!(
            "{label:>7} {:>6} {best:>10.4} {:>9.1} {:>12.1} {:>7.1}x",
            inputs.len(),
            mb / best,
            peak as f64 / (1 << 20) as f64,
            peak as f64 / bytes as f64
        );
    }
    println!("time per MB, 10 MB vs 60 KB: {:.2}x (1.0 = linear)", per_mb[2] / per_mb[0]);
}
