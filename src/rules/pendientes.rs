//! C009: placeholder text left by `cantonal nuevo` (or by hand) that nobody filled in.

use serde_json::Value;

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::plan::spans::{NodePath, Seg, ultima_clave};

/// The marker that `cantonal nuevo` writes where the official has to write.
pub const PENDIENTE: &str = "POR COMPLETAR";

/// Text still to be written.
pub static C009: Regla = Regla {
    codigo: "C009",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Texto por completar",
    explicacion: Explicacion {
        que: "Que no quede en el plan ningún texto marcado «POR COMPLETAR», como los que deja `cantonal nuevo` en el plan inicial.",
        por_que: "Un plan impreso con textos pendientes no puede presentarse al Concejo Municipal; cada marca señala algo que el cantón todavía debe decidir.",
        incorrecto: "objetivos:\n  - { id: O1, eje: prevencion, descripcion: \"POR COMPLETAR: objetivo de prevención\" }",
        correcto: "objetivos:\n  - { id: O1, eje: prevencion, descripcion: Reducir la captación de adolescentes en redes sociales. }",
    },
    comprobar: Comprobacion::Plan(comprobar),
};

fn comprobar(ctx: &Contexto) -> Vec<Hallazgo> {
    let value = serde_json::to_value(ctx.plan).expect("the plan serialises");
    let mut out = Vec::new();
    walk(&value, &mut Vec::new(), &mut out);
    out
}

fn walk(value: &Value, path: &mut NodePath, out: &mut Vec<Hallazgo>) {
    match value {
        Value::String(s) if s.to_uppercase().contains(PENDIENTE) => {
            let campo = ultima_clave(path).unwrap_or("campo");
            out.push(Hallazgo::en(
                path.clone(),
                format!("`{campo}` está por completar"),
                "Reemplace el texto «POR COMPLETAR» por el contenido definitivo.",
            ));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(item, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                path.push(Seg::Key(k.clone()));
                walk(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}
