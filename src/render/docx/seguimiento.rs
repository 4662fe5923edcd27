//! The monitoring and evaluation chapter ([`crate::documento::seguimiento`]).

use super::escritor::{Escritor, notas_de};
use crate::documento::Documento;

pub(super) fn seguimiento(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.seguimiento.as_slice()));
    let s = &d.seguimiento;
    let responsable = match &s.informa_a {
        Some(a) => format!("{}, que informa a {a}", s.responsable),
        None => s.responsable.clone(),
    };
    e.dato("Responsable", &responsable);
    e.dato("Frecuencia", s.frecuencia);
    if let Some(f) = &s.evaluacion_intermedia {
        e.dato("Evaluación de medio término", f);
    }
    if let Some(f) = &s.evaluacion_final {
        e.dato("Evaluación final", f);
    }
    if let Some(desc) = &s.descripcion {
        e.md(desc);
    }
    if let Some(r) = &s.rendicion_cuentas {
        e.seccion("Rendición de cuentas");
        e.md(r);
    }
    if let Some(p) = &s.proteccion_datos {
        e.seccion("Protección de datos de las víctimas");
        e.md(p);
    }
}
