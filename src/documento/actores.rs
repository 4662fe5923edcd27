//! The actors chapter: who takes part, how to reach them, and what each one leads, supports and
//! answers for in the referral route.

use std::collections::{HashMap, HashSet};

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

/// The actors, with the stages of `ruta_atencion` (already built) each takes part in. What each
/// actor leads, accompanies and serves in is gathered in one pass over the actions and the
/// route, not one per actor: a plan may have thousands of each.
pub(super) fn actores(plan: &Plan, r: &Referencia, ruta_atencion: &[EtapaDoc]) -> Vec<ActorDoc> {
    let mut lidera: HashMap<&str, Vec<String>> = HashMap::new();
    let mut acompana: HashMap<&str, Vec<String>> = HashMap::new();
    for x in &plan.acciones {
        lidera.entry(&x.responsable).or_default().push(x.id.clone());
        let mut vistos = HashSet::new();
        for c in x
            .corresponsables
            .iter()
            .filter(|c| vistos.insert(c.as_str()))
        {
            acompana.entry(c).or_default().push(x.id.clone());
        }
    }
    let mut etapas: HashMap<&str, Vec<String>> = HashMap::new();
    for d in ruta_atencion {
        let x = &plan.ruta_atencion[d.indice];
        let mut vistos = HashSet::new();
        for id in x.responsable.iter().chain(&x.apoyo) {
            let nombres = etapas.entry(id).or_default();
            // A stage with one entry per population is named once.
            if vistos.insert(id.as_str()) && !nombres.contains(&d.nombre) {
                nombres.push(d.nombre.clone());
            }
        }
    }
    let de =
        |mapa: &HashMap<&str, Vec<String>>, id: &str| mapa.get(id).cloned().unwrap_or_default();
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
                lidera: de(&lidera, &a.id),
                acompana: de(&acompana, &a.id),
                etapas: de(&etapas, &a.id),
                notas: Vec::new(),
            }
        })
        .collect()
}
