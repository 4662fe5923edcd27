//! The files that live beside a plan and are named after it (its observations, its monitoring):
//! `plans/ibarra.yaml` ↔ `plans/ibarra<sufijo>`. One rule for every such file, so that a plan
//! and the files that go with it are always found the same way.

use std::path::{Path, PathBuf};

/// Whether `archivo` is named with `sufijo`.
pub fn es_archivo(archivo: &Path, sufijo: &str) -> bool {
    archivo
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(sufijo))
}

/// The file beside `plan` named with `sufijo`.
pub fn archivo_de(plan: &Path, sufijo: &str) -> PathBuf {
    let stem = plan.file_stem().unwrap_or_default().to_string_lossy();
    plan.with_file_name(format!("{stem}{sufijo}"))
}

/// The plan that `archivo`, named with `sufijo`, goes with.
pub fn plan_de(archivo: &Path, sufijo: &str) -> Option<PathBuf> {
    let name = archivo.file_name()?.to_str()?;
    let stem = name.strip_suffix(sufijo)?;
    Some(archivo.with_file_name(format!("{stem}.yaml")))
}
