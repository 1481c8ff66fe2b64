//! Both catalogs as one JSON document: `suanli --catalog` prints it, and scripts read it.
//!
//! `{"models": [...], "accelerators": [...]}`, each entry with its `id`, name, figures and
//! sources, exactly as the page uses them.

use super::{hardware, presets};
use serde_json::{Value, json};

/// The model presets (with the parameter count this architecture gives beside the published
/// one) and the accelerator catalog.
pub fn json() -> Value {
    let models: Vec<Value> = presets::all()
        .iter()
        .map(|p| {
            let mut row = serde_json::to_value(p).expect("a preset serialises");
            let count = p.arch.param_count();
            row["params"] = json!(count.total);
            row["active_params"] = json!(count.active);
            row
        })
        .collect();
    json!({
        "models": models,
        "accelerators": hardware::CATALOG,
    })
}
