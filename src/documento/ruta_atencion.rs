//! The referral route of attention to victims: each entry of the plan's route, in national stage
//! order (a stage may have one entry per population: children and adolescents, adults, foreign
//! nationals…), with who answers for it, how to reach them, the deadlines, what it must not wait
//! for, and the risk assessment before a return.

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
    /// Position of the entry in the plan's `ruta_atencion`.
    #[serde(skip)]
    pub indice: usize,
    /// Stage id.
    pub id: String,
    /// Number in the route.
    pub numero: usize,
    /// Name.
    pub nombre: String,
    /// Who this entry attends, by name; `None` when the plan does not say.
    pub poblacion: Option<String>,
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
    /// The reference's ceiling for the response time, "24 horas".
    pub plazo_max: Option<String>,
    /// The activation deadline of the national protocol, when it applies to this entry:
    /// "24 horas desde que se conoce el caso de una presunta víctima".
    pub plazo_activacion: Option<String>,
    /// The stages this entry waits for, by name.
    pub requiere: Vec<String>,
    /// The plan's description of the stage.
    pub descripcion: Option<Vec<Bloque>>,
    /// How the risk of a return to the family or community is assessed.
    pub evaluacion_riesgo: Option<Vec<Bloque>>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

pub(super) fn etapas(plan: &Plan, r: &Referencia) -> Vec<EtapaDoc> {
    let mut numero = 0;
    let mut out = Vec::new();
    for e in &r.etapas_ruta.valores {
        let entradas: Vec<_> = plan
            .ruta_atencion
            .iter()
            .enumerate()
            .filter(|(_, x)| x.etapa == e.id)
            .collect();
        if entradas.is_empty() {
            continue;
        }
        numero += 1;
        for (indice, entrada) in entradas {
            let resp = entrada.responsable.as_deref().and_then(|id| plan.actor(id));
            let contacto = resp.and_then(|a| a.contacto.clone()).unwrap_or_default();
            // The activation deadline applies to the entries that serve its population.
            let plazo_activacion = e.plazo_activacion.as_ref().filter(|p| {
                match (entrada.poblacion.as_deref(), p.poblacion.as_deref()) {
                    (Some(de_la_entrada), Some(del_plazo)) => {
                        r.poblaciones_ruta.cubre(de_la_entrada, del_plazo)
                    }
                    _ => true,
                }
            });
            out.push(EtapaDoc {
                indice,
                id: e.id.clone(),
                numero,
                nombre: e.nombre.clone(),
                poblacion: entrada
                    .poblacion
                    .as_deref()
                    .map(|p| r.poblaciones_ruta.nombre(p).to_owned()),
                proposito: e.descripcion.clone(),
                obligatoria: e.obligatoria,
                responsable: resp.map(|a| a.nombre.clone()),
                telefono: contacto.telefono,
                correo: contacto.correo,
                apoyo: entrada.apoyo.iter().map(|a| plan.nombre_actor(a)).collect(),
                plazo: entrada.plazo_horas.map(horas),
                plazo_max: e.plazo_max_horas.map(horas),
                plazo_activacion: plazo_activacion
                    .map(|p| format!("{} {}", horas(p.horas), p.desde)),
                requiere: entrada
                    .requiere
                    .iter()
                    .map(|x| r.etapas_ruta.nombre(x).to_owned())
                    .collect(),
                descripcion: md(&entrada.descripcion),
                evaluacion_riesgo: md(&entrada.evaluacion_riesgo),
                notas: Vec::new(),
            });
        }
    }
    out
}
