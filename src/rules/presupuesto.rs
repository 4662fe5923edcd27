//! C014, C015, C023, C024 and C027: the money behind the plan, as an adviser checks it before the
//! Concejo. An approved plan states what each action costs, most actions of any plan have a
//! budget, the municipality puts in a meaningful share of it (computed from who finances each
//! action, `plan::financiamiento`), a source that names the municipality and another body says
//! how much each puts in, and an approved plan has some money actually assigned.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::espanol::{porcentaje, usd};
use crate::path;
use crate::plan::financiamiento::{self, Municipio};
use crate::plan::model::{Estado, Financia};

/// Approved plan with actions without amounts.
pub static C014: Regla = Regla {
    codigo: "C014",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Acción sin presupuesto en un plan aprobado",
    explicacion: Explicacion {
        que: "Que en un plan con `estado: aprobado` cada acción tenga `presupuesto` con su monto (0 si la acción no tiene costo propio).",
        por_que: "El plan aprobado compromete recursos: una acción sin monto no entra en el presupuesto municipal ni en la rendición de cuentas, y en la práctica no se ejecuta.",
        incorrecto: "estado: aprobado\nacciones:\n  - id: A4\n    descripcion: Mesa cantonal\n    # …sin presupuesto",
        correcto: "  - id: A4\n    descripcion: Mesa cantonal\n    presupuesto: { monto: 2000, fuente: GAD Municipal }",
    },
    comprobar: Comprobacion::Plan(comprobar_c014),
};

/// The municipality's share is too small.
pub static C015: Regla = Regla {
    codigo: "C015",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Presupuesto sin un aporte municipal suficiente",
    explicacion: Explicacion {
        que: "Que, si el plan tiene montos, el GAD municipal ponga al menos la parte que fija la referencia nacional (`presupuesto.aporte_municipal_minimo`: la décima parte, criterio de `cantonal`). Lo que pone el GAD se calcula de `presupuesto.financia` y `aporte_municipal` de cada acción o, sin ellos, de una `fuente` que nombra solo al GAD, al municipio o al actor del GAD municipal.",
        por_que: "El plan cantonal es del municipio: si el GAD pone una suma simbólica y todo lo demás depende de la cooperación o de otras instituciones, el cantón no asume su parte y el plan se detiene cuando ese apoyo falta.",
        incorrecto: "presupuesto: { monto: 45000, fuente: Cooperación internacional }\n# …y una sola acción de USD 1 con fuente GAD Municipal",
        correcto: "presupuesto: { monto: 45000, financia: mixto, aporte_municipal: 9000, fuente: GAD Municipal y cooperación internacional }",
    },
    comprobar: Comprobacion::Plan(comprobar_c015),
};

/// A source naming the municipality and another body, not split.
pub static C023: Regla = Regla {
    codigo: "C023",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Financiamiento mixto sin el aporte de cada parte",
    explicacion: Explicacion {
        que: "Que una acción financiada por el GAD municipal y otras entidades diga cuánto pone el GAD: `financia: mixto` con `aporte_municipal` (entre 0 y el monto). Una `fuente` que nombra al GAD junto con otra entidad («GAD Municipal y MDT») sin `financia` no se puede dividir; `aporte_municipal` solo vale con `financia: mixto`.",
        por_que: "El Concejo compromete el aporte del GAD; el de las demás entidades hay que gestionarlo con ellas. Sin la división, el plan no dice cuánto aprueba el Concejo ni cuánto queda por gestionar.",
        incorrecto: "presupuesto: { monto: 30000, fuente: GAD Municipal y MDT }",
        correcto: "presupuesto: { monto: 30000, fuente: GAD Municipal y MDT, financia: mixto, aporte_municipal: 20000 }",
    },
    comprobar: Comprobacion::Plan(comprobar_c023),
};

/// Approved plan with nothing assigned.
pub static C024: Regla = Regla {
    codigo: "C024",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Plan aprobado sin ningún monto asignado",
    explicacion: Explicacion {
        que: "Que un plan con `estado: aprobado` y montos tenga al menos un monto marcado como asignado en un presupuesto aprobado (`presupuesto.asignado: true`).",
        por_que: "Un plan aprobado con USD 0 asignados es una lista de intenciones: nada de lo que promete tiene todavía dinero en un presupuesto.",
        incorrecto: "estado: aprobado\nacciones:\n  - presupuesto: { monto: 4500, fuente: GAD Municipal }   # asignado no se indica",
        correcto: "  - presupuesto: { monto: 4500, fuente: GAD Municipal, asignado: true }",
    },
    comprobar: Comprobacion::Plan(comprobar_c024),
};

/// Most actions without budget.
pub static C027: Regla = Regla {
    codigo: "C027",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "La mayoría de las acciones sin presupuesto",
    explicacion: Explicacion {
        que: "Que no más de la mitad de las acciones del plan estén sin `presupuesto` (0 si la acción no tiene costo propio).",
        por_que: "Un plan que va al Concejo con la mayoría de sus acciones sin monto no dice cuánto cuesta ni quién lo paga: no se puede aprobar ni incluir en el presupuesto municipal. El informe consolidado lo cuenta como brecha.",
        incorrecto: "acciones:\n  - { id: A1, presupuesto: { monto: 4500, fuente: GAD Municipal }, ... }\n  - { id: A2, ... }   # sin presupuesto\n  - { id: A3, ... }   # sin presupuesto",
        correcto: "  - { id: A2, presupuesto: { monto: 0, fuente: Personal del CCPD }, ... }\n  - { id: A3, presupuesto: { monto: 1500, fuente: GAD Municipal }, ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_c027),
};

fn comprobar_c014(ctx: &Contexto) -> Vec<Hallazgo> {
    if ctx.plan.estado != Estado::Aprobado {
        return Vec::new();
    }
    ctx.plan
        .acciones
        .iter()
        .enumerate()
        .filter(|(_, a)| a.presupuesto.is_none())
        .map(|(i, a)| {
            Hallazgo::en(
                path!["acciones", i],
                format!("la acción {} de un plan aprobado no tiene presupuesto", a.id),
                "Agregue `presupuesto: { monto: …, fuente: … }`; si la acción no tiene costo propio, ponga `monto: 0` y diga en `fuente` quién la asume.",
            )
        })
        .collect()
}

fn comprobar_c015(ctx: &Contexto) -> Vec<Hallazgo> {
    let total: f64 = ctx
        .plan
        .acciones
        .iter()
        .filter_map(|a| a.presupuesto.as_ref())
        .map(|p| p.monto.max(0.0))
        .sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let aporte = financiamiento::total(ctx.plan);
    let criterio = ctx.referencia.presupuesto.as_ref();
    let minimo = criterio.map_or(0.0, |c| c.aporte_municipal_minimo);
    let parte = aporte.municipal / total;
    if aporte.municipal > 0.0 && parte >= minimo {
        return Vec::new();
    }
    let mensaje = if aporte.municipal <= 0.0 {
        "ningún monto del presupuesto lo pone el GAD municipal".to_owned()
    } else {
        format!(
            "el GAD municipal pone {} de {} ({}), menos que {} del presupuesto del plan",
            usd(aporte.municipal),
            usd(total),
            porcentaje(parte),
            porcentaje(minimo)
        )
    };
    let ambigua = if aporte.ambigua {
        " Las fuentes que nombran al GAD junto con otra entidad no cuentan mientras no digan cuánto pone cada una (C023)."
    } else {
        ""
    };
    let motivo = criterio
        .map(|c| format!(" Motivo: {}", c.motivo.trim()))
        .unwrap_or_default();
    vec![Hallazgo::clave(
        path!["acciones"],
        mensaje,
        format!(
            "Marque con `financia: municipio` las acciones que paga el GAD (o `financia: mixto` y `aporte_municipal` las que paga en parte) y revise los montos municipales.{ambigua}{motivo}"
        ),
    )]
}

fn comprobar_c023(ctx: &Contexto) -> Vec<Hallazgo> {
    let municipio = Municipio::de(ctx.plan);
    let mut out = Vec::new();
    for (i, a) in ctx.plan.acciones.iter().enumerate() {
        let Some(p) = &a.presupuesto else { continue };
        let hallazgo = match (p.financia, p.aporte_municipal) {
            (Some(Financia::Mixto), None) => Some((
                path!["acciones", i, "presupuesto", "financia"],
                format!(
                    "la acción {} la financian el GAD y otras entidades, pero no dice cuánto pone el GAD",
                    a.id
                ),
            )),
            (Some(Financia::Mixto), Some(m)) if m < 0.0 || m > p.monto => Some((
                path!["acciones", i, "presupuesto", "aporte_municipal"],
                format!(
                    "el aporte municipal de la acción {} ({}) no está entre 0 y su monto ({})",
                    a.id,
                    usd(m),
                    usd(p.monto)
                ),
            )),
            (Some(f), Some(_)) if f != Financia::Mixto => Some((
                path!["acciones", i, "presupuesto", "aporte_municipal"],
                format!(
                    "la acción {} tiene `aporte_municipal` pero no dice que su financiamiento sea mixto",
                    a.id
                ),
            )),
            (None, _) if p.fuente.as_deref().is_some_and(|f| municipio.mixta(f)) => Some((
                path!["acciones", i, "presupuesto", "fuente"],
                format!(
                    "la fuente «{}» de la acción {} junta al GAD municipal con otra entidad sin decir cuánto pone cada una",
                    p.fuente.as_deref().unwrap_or_default().trim(),
                    a.id
                ),
            )),
            _ => None,
        };
        if let Some((path, mensaje)) = hallazgo {
            out.push(Hallazgo::en(
                path,
                mensaje,
                "Escriba `financia: mixto` y en `aporte_municipal` lo que pone el GAD (lo compromete el Concejo); el resto queda por gestionar con las demás entidades. Si paga solo una, use `financia: municipio` u `otras_entidades`.",
            ));
        }
    }
    out
}

fn comprobar_c024(ctx: &Contexto) -> Vec<Hallazgo> {
    if ctx.plan.estado != Estado::Aprobado {
        return Vec::new();
    }
    let montos: Vec<_> = ctx
        .plan
        .acciones
        .iter()
        .filter_map(|a| a.presupuesto.as_ref())
        .collect();
    let total: f64 = montos.iter().map(|p| p.monto.max(0.0)).sum();
    let asignado: f64 = montos
        .iter()
        .filter(|p| p.asignado == Some(true))
        .map(|p| p.monto.max(0.0))
        .sum();
    if total <= 0.0 || asignado > 0.0 {
        return Vec::new();
    }
    vec![Hallazgo::clave(
        path!["aprobacion"],
        format!(
            "el plan está aprobado pero ninguno de sus montos está asignado: USD 0 de {}",
            usd(total)
        ),
        "Marque con `asignado: true` los montos que ya están en el presupuesto aprobado del GAD o de otra entidad, y con `asignado: false` los que todavía hay que gestionar.",
    )]
}

fn comprobar_c027(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(sin) = super::brechas::mayoria_sin_presupuesto(ctx.plan) else {
        return Vec::new();
    };
    vec![Hallazgo::clave(
        path!["acciones"],
        format!(
            "{sin} de las {} acciones no tienen presupuesto",
            ctx.plan.acciones.len()
        ),
        "Agregue `presupuesto: { monto: …, fuente: … }` a cada acción; si una no tiene costo propio, ponga `monto: 0` y diga en `fuente` quién la asume.",
    )]
}
