//! `cantonal editar`: the plan editor in the browser, for officials who cannot write YAML.
//!
//! A local server ([`servidor`]) bound to 127.0.0.1 serves an embedded page (`recursos/`) and a
//! JSON API over the library: the same validation as `validar`, page previews from the same
//! Typst document as `generar` ([`vista`]), and saving that rewrites only the lines the official
//! changed ([`crate::plan::yaml_edit`]). The page edits the plan as data; the server turns that data back into
//! the official's text.

pub mod api;
pub mod servidor;
pub mod vista;
