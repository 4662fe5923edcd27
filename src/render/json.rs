//! JSON output, for programs (documented in `docs/salidas.md`, `docs/seguimiento.md` and
//! `docs/informe.md`): for a plan, the plan as read and its document data with resolved
//! references, each action's axis, totals and coverage; for a progress report, the monitoring
//! file as read and the report's data (each action's progress with how it was computed, its
//! state and what it executed); for the consolidated report, its data as the templates receive
//! it.

use std::time::Instant;

use serde::Serialize;

use super::{Formato, Opciones, Pieza, Producto, TemplateError};

/// The JSON format.
pub struct Json;

impl Formato for Json {
    fn nombre(&self) -> &'static str {
        "json"
    }
    fn descripcion(&self) -> &'static str {
        "El plan normalizado en JSON."
    }
    fn extension(&self) -> &'static str {
        "json"
    }
    fn tipo_mime(&self) -> &'static str {
        "application/json"
    }
    fn admite_informe(&self) -> bool {
        true
    }
    fn a_pantalla(&self) -> bool {
        true
    }
    fn render(&self, pieza: Pieza, _: &Opciones) -> Result<Producto, Vec<TemplateError>> {
        let start = Instant::now();
        let texto = match pieza {
            Pieza::Plan { plan, documento } => bonito(&serde_json::json!({
                "version": 1,
                "plan": plan,
                "documento": documento,
            })),
            Pieza::Avance { registro, avance } => bonito(&serde_json::json!({
                "version": 1,
                "seguimiento": registro,
                "avance": avance,
            })),
            Pieza::Informe { informe, .. } => bonito(informe),
        };
        Ok(Producto::texto(texto, start))
    }
}

/// Pretty JSON with a final newline.
fn bonito(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).expect("the document data serialises") + "\n"
}
