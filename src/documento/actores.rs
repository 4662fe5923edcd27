//! The actors chapter: who takes part, how to reach them, and what each one leads, supports and
//! answers for in the referral route.

use serde::Serialize;

use super::cmark::Bloque;
use super::md;
use super::revision::Nota;
use super::ruta_atencion::EtapaDoc;
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

/// An actor.
#[derive(Debug, Clone, Serialize)]
pub struct ActorDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Type, by name.
    pub tipo: String,
    /// National institution, by name.
    pub institucion: Option<String>,
    /// Role.
    pub rol: Option<Vec<Bloque>>,
    /// Telephone.
    pub telefono: Option<String>,
    /// E-mail.
    pub correo: Option<String>,
    /// Address.
    pub direccion: Option<String>,
    /// Actions it leads.
    pub lidera: Vec<String>,
    /// Actions it co-leads.
    pub acompana: Vec<String>,
    /// Route stages it answers for or supports, by name.
    pub etapas: Vec<String>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// The actors, with the stages of `ruta_atencion` (already built) each takes part in.
pub(super) fn actores(plan: &Plan, r: &Referencia, ruta_atencion: &[EtapaDoc]) -> Vec<ActorDoc> {
    plan.actores
        .iter()
        .map(|a| {
            let contacto = a.contacto.clone().unwrap_or_default();
            ActorDoc {
                id: a.id.clone(),
                nombre: a.nombre.clone(),
                tipo: r.tipos_actor.nombre(&a.tipo).to_owned(),
                institucion: a
                    .institucion
                    .as_deref()
                    .and_then(|i| r.instituciones.get(i))
                    .map(|i| i.nombre.clone()),
                rol: md(&a.rol),
                telefono: contacto.telefono,
                correo: contacto.correo,
                direccion: contacto.direccion,
                lidera: plan
                    .acciones
                    .iter()
                    .filter(|x| x.responsable == a.id)
                    .map(|x| x.id.clone())
                    .collect(),
                acompana: plan
                    .acciones
                    .iter()
                    .filter(|x| x.corresponsables.contains(&a.id))
                    .map(|x| x.id.clone())
                    .collect(),
                etapas: ruta_atencion
                    .iter()
                    .filter(|d| {
                        let x = &plan.ruta_atencion[d.indice];
                        x.responsable.as_deref() == Some(a.id.as_str()) || x.apoyo.contains(&a.id)
                    })
                    .fold(Vec::new(), |mut nombres: Vec<String>, d| {
                        // A stage with one entry per population is named once.
                        if !nombres.contains(&d.nombre) {
                            nombres.push(d.nombre.clone());
                        }
                        nombres
                    }),
                notas: Vec::new(),
            }
        })
        .collect()
}
