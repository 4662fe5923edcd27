//! The kinds of YAML file that `cantonal` reads (a plan, an adviser's observations, a plan's
//! monitoring file): for each, the schema its documents must have and how messages speak of it.
//! The loader ([`super::load`]) is generic over this trait, so every kind gets the same located
//! checks.

use serde::de::DeserializeOwned;

use super::campos::Campo;
use super::model::Plan;
use super::observaciones::Observaciones;
use super::schema::{self, Esquema};
use super::seguimiento::Registro;

/// A kind of YAML file that `cantonal` reads: its schema and how messages speak of it.
pub trait TipoArchivo: DeserializeOwned {
    /// The structure documents of this kind must have.
    fn esquema() -> &'static Esquema;
    /// Whether the document starts with a `formato: N` version (S006).
    const VERSIONADO: bool;
    /// Hint for an empty file.
    const AYUDA_VACIO: &'static str;
    /// Message and hint for a document that is not a mapping.
    const SIN_CAMPOS: (&'static str, &'static str);
    /// The catalogue of its fields, for what the structure alone does not say (an empty
    /// required text, S009).
    fn campos() -> &'static [Campo] {
        &[]
    }
    /// The fields whose values are amounts in dollars, read as written in the file (S007).
    const MONTOS: &'static [&'static str] = &["monto"];
}

impl TipoArchivo for Plan {
    fn esquema() -> &'static Esquema {
        schema::plan()
    }
    fn campos() -> &'static [Campo] {
        super::campos::PLAN
    }
    const VERSIONADO: bool = true;
    const AYUDA_VACIO: &'static str =
        "Empiece un plan con `cantonal nuevo --canton <código o nombre>`.";
    const SIN_CAMPOS: (&'static str, &'static str) = (
        "el plan debe ser un conjunto de campos `clave: valor`",
        "La primera línea de un plan es, por ejemplo, `formato: 1`.",
    );
}

impl TipoArchivo for Observaciones {
    fn esquema() -> &'static Esquema {
        schema::observaciones()
    }
    const VERSIONADO: bool = false;
    const AYUDA_VACIO: &'static str =
        "Un archivo de observaciones tiene `revisor:`, `fecha:` y la lista `observaciones:`.";
    const SIN_CAMPOS: (&'static str, &'static str) = (
        "las observaciones deben ser un conjunto de campos `clave: valor`",
        "La primera línea es, por ejemplo, `revisor: Asesoría técnica, OIM Ecuador`.",
    );
}

impl TipoArchivo for Registro {
    fn esquema() -> &'static Esquema {
        schema::seguimiento()
    }
    fn campos() -> &'static [Campo] {
        super::campos::SEGUIMIENTO
    }
    const VERSIONADO: bool = true;
    const MONTOS: &'static [&'static str] = &["monto", "ejecutado"];
    const AYUDA_VACIO: &'static str =
        "Empiece el seguimiento con `cantonal seguimiento PLAN --corte AAAA-MM-DD`.";
    const SIN_CAMPOS: (&'static str, &'static str) = (
        "el seguimiento debe ser un conjunto de campos `clave: valor`",
        "La primera línea de un seguimiento es `formato: 1`; después viene la lista `cortes:`.",
    );
}
