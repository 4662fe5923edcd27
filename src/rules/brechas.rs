//! What a gap of a plan is, once, for `validar` and for `informe`: a mandatory national axis
//! without actions (A001) or whose actions add up to no money (A023), a mandatory stage of the
//! route without someone responsible for every required population (A002, A011), a diagnosis
//! without a single case figure with its source (C016), and a plan most of whose actions have no
//! budget (C027). The consolidated report counts exactly these, so a plan that passes
//! `validar --estricto` shows no gap in the report and the other way round.

use std::collections::HashMap;

use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

/// The gaps of a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brechas {
    /// Mandatory axes without actions (ids).
    pub ejes_sin_acciones: Vec<String>,
    /// Mandatory axes with actions whose amounts add up to nothing (ids).
    pub ejes_sin_presupuesto: Vec<String>,
    /// Mandatory stages of the route without someone responsible for every required population
    /// (ids).
    pub etapas_sin_responsable: Vec<String>,
    /// The diagnosis has no case figure with its source.
    pub sin_cifras: bool,
    /// More than half of the actions have no budget.
    pub mayoria_sin_presupuesto: bool,
}

impl Brechas {
    /// How many gaps.
    pub fn total(&self) -> usize {
        self.ejes_sin_acciones.len()
            + self.ejes_sin_presupuesto.len()
            + self.etapas_sin_responsable.len()
            + usize::from(self.sin_cifras)
            + usize::from(self.mayoria_sin_presupuesto)
    }

    /// Whether the axis `id` is a gap.
    pub fn eje(&self, id: &str) -> bool {
        self.ejes_sin_acciones.iter().any(|e| e == id)
            || self.ejes_sin_presupuesto.iter().any(|e| e == id)
    }

    /// Whether the stage `id` is a gap.
    pub fn etapa(&self, id: &str) -> bool {
        self.etapas_sin_responsable.iter().any(|e| e == id)
    }
}

/// Whether the plan has no case figure with its source.
pub fn sin_cifras(plan: &Plan) -> bool {
    !plan
        .diagnostico
        .iter()
        .flat_map(|d| &d.casos)
        .any(|c| !c.fuente.trim().is_empty())
}

/// The actions without a budget, when they are more than half of them.
pub fn mayoria_sin_presupuesto(plan: &Plan) -> Option<usize> {
    let sin = plan
        .acciones
        .iter()
        .filter(|a| a.presupuesto.is_none())
        .count();
    (sin * 2 > plan.acciones.len()).then_some(sin)
}

/// The gaps of `plan` under the national reference `r`.
pub fn de(plan: &Plan, r: &Referencia) -> Brechas {
    let eje_de: HashMap<&str, &str> = plan
        .objetivos
        .iter()
        .map(|o| (o.id.as_str(), o.eje.as_str()))
        .collect();
    let mut acciones: HashMap<&str, (usize, f64)> = HashMap::new();
    for a in &plan.acciones {
        if let Some(eje) = eje_de.get(a.objetivo.as_str()) {
            let e = acciones.entry(eje).or_default();
            e.0 += 1;
            e.1 += a.presupuesto.as_ref().map_or(0.0, |p| p.monto.max(0.0));
        }
    }
    let mut b = Brechas::default();
    for e in r.ejes.valores.iter().filter(|e| e.obligatorio) {
        match acciones.get(e.id.as_str()) {
            None => b.ejes_sin_acciones.push(e.id.clone()),
            Some((_, monto)) if *monto <= 0.0 => b.ejes_sin_presupuesto.push(e.id.clone()),
            Some(_) => {}
        }
    }
    let poblaciones = &r.poblaciones_ruta;
    let requeridas: Vec<&str> = poblaciones
        .valores
        .iter()
        .filter(|p| p.requerida)
        .map(|p| p.id.as_str())
        .collect();
    let todas = poblaciones
        .valores
        .iter()
        .find(|p| !p.incluye.is_empty())
        .map_or("todas", |p| p.id.as_str());
    for etapa in r.etapas_ruta.valores.iter().filter(|e| e.obligatoria) {
        let entradas: Vec<_> = plan
            .ruta_atencion
            .iter()
            .filter(|e| e.etapa == etapa.id)
            .collect();
        let con_responsable = |e: &&crate::plan::model::EtapaRuta| {
            e.responsable
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty())
        };
        let sin_alguna = entradas.is_empty() || !entradas.iter().all(con_responsable);
        let falta_poblacion = requeridas.iter().any(|p| {
            !entradas
                .iter()
                .any(|e| poblaciones.cubre(e.poblacion.as_deref().unwrap_or(todas), p))
        });
        if sin_alguna || falta_poblacion {
            b.etapas_sin_responsable.push(etapa.id.clone());
        }
    }
    b.sin_cifras = sin_cifras(plan);
    b.mayoria_sin_presupuesto = mayoria_sin_presupuesto(plan).is_some();
    b
}
