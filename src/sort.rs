//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are fast but generate several kilobytes of
//! code for every element type and comparator; with a dozen call sites that
//! was a quarter of the wasm's code. Here the merge sort itself is compiled
//! once (it orders indices through a `dyn` comparator) and only the small
//! permutation step is generic. The lists sorted are short (mentions of one
//! document, entities of one run), so the indirection costs nothing that
//! shows.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp`.
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sort `v` stably by a key.
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` stably in its natural order.
pub fn natural<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// Indices `0..n` in stable sorted order: bottom-up merge sort.
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right only when strictly smaller: stable.
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + hi - j].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearrange `v` so that the new `v[i]` is the old `v[order[i]]`, by
/// following the permutation's cycles with swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        if placed[start] {
            continue;
        }
        let mut j = start;
        loop {
            placed[j] = true;
            let k = order[j];
            if k == start {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for n in [0usize, 1, 2, 3, 7, 16, 17, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 10) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn natural_order() {
        let mut v = vec![3, 1, 2, 1];
        natural(&mut v);
        assert_eq!(v, [1, 1, 2, 3]);
    }
}
