//! The chapter on the smuggling of migrants: its legal basis, the plan's risks of smuggling, the
//! actions that address them, the institutions that intervene and the route for smuggled
//! migrants, stage by stage, in the reference's order. The migrant is always the person the
//! route protects; the chapter is printed in every plan, and says so when the plan names no risk.

use serde::Serialize;

use super::cmark::Bloque;
use super::md;
use crate::espanol::horas;
use crate::plan::model::Plan;
use crate::reference::marco::ClaseNorma;
use crate::reference::nacional::Referencia;

/// The chapter.
#[derive(Debug, Clone, Serialize)]
pub struct TraficoDoc {
    /// The opening paragraph: whether the plan names risks of smuggling.
    pub introduccion: String,
    /// The norms it rests on, with what each establishes.
    pub base_legal: Vec<String>,
    /// The plan's risks of smuggling: "R4 — Cruce irregular por trochas".
    pub riesgos: Vec<String>,
    /// The actions that address them: "A13 — Puntos de información…".
    pub acciones: Vec<String>,
    /// The national institutions that intervene, by name.
    pub instituciones: Vec<String>,
    /// The route, in the reference's order.
    pub ruta: Vec<EtapaTraficoDoc>,
}

/// An entry of the route for smuggled migrants.
#[derive(Debug, Clone, Serialize)]
pub struct EtapaTraficoDoc {
    /// Position of the entry in the plan's `ruta_trafico`.
    #[serde(skip)]
    pub indice: usize,
    /// Number of its stage in the route.
    pub numero: usize,
    /// Stage name.
    pub nombre: String,
    /// Who this entry attends, by name.
    pub poblacion: Option<String>,
    /// What happens in it (reference).
    pub proposito: String,
    /// Whether the stage is mandatory.
    pub obligatoria: bool,
    /// Responsible actor, by name.
    pub responsable: Option<String>,
    /// Its telephone.
    pub telefono: Option<String>,
    /// Its e-mail.
    pub correo: Option<String>,
    /// Supporting actors, by name.
    pub apoyo: Vec<String>,
    /// The response time the plan commits to: "24 horas".
    pub plazo: Option<String>,
    /// The stages it waits for, by name.
    pub requiere: Vec<String>,
    /// The plan's description.
    pub descripcion: Option<Vec<Bloque>>,
}

/// The norms of the framework on smuggling: the protocol, the law, the COIP and the law on
/// human mobility, as the framework names them.
const NORMAS: [&str; 4] = ["protocolo-trafico", "ley-trata", "coip", "lomh"];

pub(super) fn trafico(plan: &Plan, r: &Referencia) -> TraficoDoc {
    let riesgos: Vec<&crate::plan::model::Riesgo> =
        plan.riesgos.iter().filter(|x| x.es_trafico()).collect();
    let introduccion = if riesgos.is_empty() {
        "El diagnóstico no identifica riesgos de tráfico ilícito de migrantes en el cantón. Si se identifica a una persona objeto de tráfico, se la atiende como persona protegida, nunca como infractora, y se la deriva a las instituciones que aquí se nombran.".to_owned()
    } else {
        "El diagnóstico identifica riesgos de tráfico ilícito de migrantes en el cantón. La persona migrante objeto de tráfico es una persona protegida, nunca infractora: la ruta la atiende sin esperar a que denuncie, y deriva a la ruta de trata a quien haya sido captada para ser explotada.".to_owned()
    };
    let base_legal = NORMAS
        .iter()
        .filter_map(|id| {
            r.normas
                .iter()
                .find(|n| n.id == *id && n.clase == ClaseNorma::Norma)
        })
        .map(|n| match &n.articulos {
            Some(a) => format!("{}, {}", n.nombre.trim(), a.trim()),
            None => n.nombre.trim().to_owned(),
        })
        .collect();
    let acciones = plan
        .acciones
        .iter()
        .filter(|a| riesgos.iter().any(|x| a.riesgos.contains(&x.id)))
        .map(|a| format!("{} — {}", a.id, a.descripcion.trim()))
        .collect();
    let instituciones = r
        .trafico_migrantes
        .iter()
        .flat_map(|t| &t.instituciones)
        .map(|i| r.instituciones.nombre(i).to_owned())
        .collect();
    let mut ruta = Vec::new();
    let mut numero = 0;
    for e in r
        .trafico_migrantes
        .iter()
        .flat_map(|t| &t.etapas_ruta.valores)
    {
        let entradas: Vec<_> = plan
            .ruta_trafico
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
            ruta.push(EtapaTraficoDoc {
                indice,
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
                requiere: entrada
                    .requiere
                    .iter()
                    .map(|x| {
                        r.trafico_migrantes
                            .as_ref()
                            .map_or(x.as_str(), |t| t.etapas_ruta.nombre(x))
                            .to_owned()
                    })
                    .collect(),
                descripcion: md(&entrada.descripcion),
            });
        }
    }
    TraficoDoc {
        introduccion,
        base_legal,
        riesgos: riesgos
            .iter()
            .map(|x| format!("{} — {}", x.id, x.titulo.trim()))
            .collect(),
        acciones,
        instituciones,
        ruta,
    }
}
