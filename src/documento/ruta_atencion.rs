//! The referral route of attention to victims: each stage of the national route the plan covers,
//! in national order, with who answers for it, how to reach them and the deadlines.

use serde::Serialize;

use super::cmark::Bloque;
use super::md;
use super::revision::Nota;
use crate::espanol::horas;
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

/// A stage of the referral route.
#[derive(Debug, Clone, Serialize)]
pub struct EtapaDoc {
    /// Stage id.
    pub id: String,
    /// Number in the route.
    pub numero: usize,
    /// Name.
    pub nombre: String,
    /// What happens in it (national reference).
    pub proposito: String,
    /// Whether it is mandatory.
    pub obligatoria: bool,
    /// Responsible actor.
    pub responsable: Option<String>,
    /// Its telephone.
    pub telefono: Option<String>,
    /// Its e-mail.
    pub correo: Option<String>,
    /// Supporting actors, by name.
    pub apoyo: Vec<String>,
    /// "24 horas".
    pub plazo: Option<String>,
    /// National maximum, "24 horas".
    pub plazo_max: Option<String>,
    /// The plan's description of the stage.
    pub descripcion: Option<Vec<Bloque>>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

pub(super) fn etapas(plan: &Plan, r: &Referencia) -> Vec<EtapaDoc> {
    r.etapas_ruta
        .valores
        .iter()
        .filter_map(|e| {
            let entrada = plan.ruta_atencion.iter().find(|x| x.etapa == e.id)?;
            let resp = entrada.responsable.as_deref().and_then(|id| plan.actor(id));
            let contacto = resp.and_then(|a| a.contacto.clone()).unwrap_or_default();
            Some(EtapaDoc {
                id: e.id.clone(),
                numero: 0,
                nombre: e.nombre.clone(),
                proposito: e.descripcion.clone(),
                obligatoria: e.obligatoria,
                responsable: resp.map(|a| a.nombre.clone()),
                telefono: contacto.telefono,
                correo: contacto.correo,
                apoyo: entrada.apoyo.iter().map(|a| plan.nombre_actor(a)).collect(),
                plazo: entrada.plazo_horas.map(horas),
                plazo_max: e.plazo_max_horas.map(horas),
                descripcion: md(&entrada.descripcion),
                notas: Vec::new(),
            })
        })
        .enumerate()
        .map(|(i, mut e)| {
            e.numero = i + 1;
            e
        })
        .collect()
}
