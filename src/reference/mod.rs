//! Reference data that plans are checked against: the national plan (ejes, etapas de la ruta,
//! instituciones, catálogos) and the INEC canton catalogue. Both are data files embedded in the
//! binary; the national reference can also be read from disk, so a revised national plan is a new
//! file and not a new release.

pub mod catalogo;
pub mod dpa;
pub mod marco;
pub mod nacional;
pub mod resolucion;
