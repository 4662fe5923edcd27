//! `cantonal editar`: the plan editor in the browser, for officials who cannot write YAML.
//!
//! A local server ([`servidor`]) bound to 127.0.0.1 serves an embedded page (`recursos/`) and a
//! JSON API over the library: the same validation as `validar`, page previews from the same
//! Typst document as `generar` ([`vista`]), and saving that rewrites only the lines the official
//! changed ([`crate::plan::yaml_edit`]). The page edits the plan as data; the server turns that data back into
//! the official's text.

pub mod api;
pub mod lugares;
pub mod servidor;
pub mod vista;

use std::sync::{Mutex, MutexGuard};

/// The lock of `m`, even if a request that held it failed: the data it guards (texts by version,
/// the turn to write) is never left half-changed, so a failed request must not stop the next.
fn bloquear<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    match m.lock() {
        Ok(guarda) => guarda,
        Err(envenenado) => envenenado.into_inner(),
    }
}
