//! The compiled-in gazetteer (data files under `src/data/`).
