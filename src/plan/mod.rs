//! Step 1 of the pipeline, **load**: the plan, the adviser's observations and the plan's
//! monitoring file as typed models (the format of `docs/formato.md`, `docs/revision.md` and
//! `docs/seguimiento.md`) and the catalogue of the plan's fields
//! ([`campos`]) that every front door is built from, loading from YAML with located problems,
//! the span index, id paths, the schema derived from the models, and saving an edited value back
//! into the official's YAML text without rewriting it ([`yaml_edit`]).

pub mod borrador;
pub mod campos;
pub mod consultas;
mod decodificar;
pub mod escudo;
pub mod financiamiento;
mod junto;
pub mod load;
pub mod marcado;
pub mod model;
pub mod montos;
pub mod observaciones;
pub mod observar;
pub mod ruta;
pub mod schema;
pub mod seguimiento;
mod sintaxis;
pub mod spans;
pub mod tipo;
pub mod yaml_edit;
