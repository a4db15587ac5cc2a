/// `abu-dhabi` → `Abu Dhabi`: the English name of a gazetteer row, derived
/// from its id. Shared (by `include!`) between `src/data/build.rs`, which
/// drops the English names that equal it from the compiled data, and
/// `crate::gazetteer`, which puts them back.
pub fn english_from_id(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
