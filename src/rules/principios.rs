//! A014 and A015: two principles of assistance that an adviser checks in the route. Care does not
//! wait for the victim to file a complaint (`no_depende_de` of each stage in the reference,
//! against the `requiere` of the plan's entries, followed from stage to stage), and nobody goes
//! back to a family, a community or a country without an assessment of the risk
//! (`evaluacion_riesgo_previa`).

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;

/// Care conditional on a stage it must not wait for.
pub static A014: Regla = Regla {
    codigo: "A014",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Atención condicionada a la denuncia",
    explicacion: Explicacion {
        que: "Que ninguna entrada de la ruta requiera (en `requiere`, directamente o a través de otra etapa) una etapa de la que la referencia nacional dice que no puede depender (`no_depende_de`): la protección inmediata, la salud, la intervención en crisis, el retorno y la reintegración no esperan a la denuncia.",
        por_que: "Muchas víctimas no pueden o no quieren denunciar al principio, por miedo a los tratantes o por su situación migratoria: si la acogida o la atención médica dependen de la denuncia, quedan sin protección justo cuando más la necesitan.",
        incorrecto: "- etapa: proteccion_inmediata\n  responsable: mdh-imbabura\n  requiere: [denuncia_y_proteccion_judicial]",
        correcto: "- etapa: proteccion_inmediata\n  responsable: mdh-imbabura\n  requiere: [identificacion]",
    },
    comprobar: Comprobacion::Plan(comprobar_a014),
};

/// Return or reintegration without a risk assessment.
pub static A015: Regla = Regla {
    codigo: "A015",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Retorno o reintegración sin evaluación de riesgo",
    explicacion: Explicacion {
        que: "Que las entradas de las etapas marcadas `evaluacion_riesgo_previa` en la referencia nacional (retorno y repatriación, reintegración) digan en `evaluacion_riesgo` quién evalúa el riesgo y cómo, antes de que la víctima vuelva a su familia, a su comunidad o a su país.",
        por_que: "Con frecuencia la captación ocurrió en el propio entorno de la víctima: devolverla sin evaluar el riesgo puede ponerla de nuevo en manos de quienes la explotaron.",
        incorrecto: "- { etapa: reintegracion, poblacion: todas, responsable: mdh-imbabura, plazo_horas: 720 }",
        correcto: "- etapa: reintegracion\n  poblacion: todas\n  responsable: mdh-imbabura\n  plazo_horas: 720\n  evaluacion_riesgo: El equipo técnico del ministerio visita a la familia y valora el riesgo con la víctima antes del retorno.",
    },
    comprobar: Comprobacion::Plan(comprobar_a015),
};

/// The first stage of `prohibidas` reachable from `desde` through the `requiere` of the plan's
/// entries, with the chain of stages that leads to it.
fn camino<'a>(ctx: &Contexto<'a>, desde: &'a str, prohibidas: &[String]) -> Option<Vec<&'a str>> {
    let mut visto: Vec<&str> = vec![desde];
    let mut pendientes: Vec<Vec<&'a str>> = vec![vec![desde]];
    while let Some(cadena) = pendientes.pop() {
        let ultima = cadena[cadena.len() - 1];
        let siguientes = ctx
            .plan
            .ruta_atencion
            .iter()
            .filter(|e| e.etapa == ultima)
            .flat_map(|e| &e.requiere);
        for s in siguientes {
            let mut larga = cadena.clone();
            larga.push(s.as_str());
            if prohibidas.contains(s) {
                return Some(larga);
            }
            if !visto.contains(&s.as_str()) {
                visto.push(s);
                pendientes.push(larga);
            }
        }
    }
    None
}

fn comprobar_a014(ctx: &Contexto) -> Vec<Hallazgo> {
    let etapas = &ctx.referencia.etapas_ruta;
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let Some(etapa) = etapas.get(&e.etapa).filter(|x| !x.no_depende_de.is_empty()) else {
            continue;
        };
        for (j, requerida) in e.requiere.iter().enumerate() {
            let cadena = if etapa.no_depende_de.contains(requerida) {
                vec![requerida.as_str()]
            } else {
                match camino(ctx, requerida, &etapa.no_depende_de) {
                    Some(c) => c,
                    None => continue,
                }
            };
            let prohibida = cadena[cadena.len() - 1];
            let via = if cadena.len() > 1 {
                let pasos: Vec<String> = cadena[..cadena.len() - 1]
                    .iter()
                    .map(|s| format!("«{}»", etapas.nombre(s)))
                    .collect();
                format!(" (a través de {})", pasos.join(" y "))
            } else {
                String::new()
            };
            out.push(Hallazgo::en(
                path!["ruta_atencion", i, "requiere", j],
                format!(
                    "la etapa «{}» espera a «{}»{via}: la atención a la víctima no puede depender de esa etapa",
                    etapa.nombre,
                    etapas.nombre(prohibida)
                ),
                format!(
                    "Quite `{requerida}` de `requiere`: la etapa «{}» se presta aunque la víctima no haya denunciado.",
                    etapa.nombre
                ),
            ));
        }
    }
    out
}

fn comprobar_a015(ctx: &Contexto) -> Vec<Hallazgo> {
    ctx.plan
        .ruta_atencion
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            ctx.referencia
                .etapas_ruta
                .get(&e.etapa)
                .is_some_and(|x| x.evaluacion_riesgo_previa)
                && e.evaluacion_riesgo
                    .as_deref()
                    .is_none_or(|t| t.trim().is_empty())
        })
        .map(|(i, e)| {
            Hallazgo::en(
                path!["ruta_atencion", i],
                format!(
                    "la etapa «{}» no dice cómo se evalúa el riesgo antes de que la víctima vuelva a su familia, a su comunidad o a su país",
                    ctx.referencia.etapas_ruta.nombre(&e.etapa)
                ),
                "Agregue `evaluacion_riesgo:` con quién evalúa el riesgo y cómo (por ejemplo, una visita del equipo técnico a la familia y una valoración con la víctima) antes del retorno o la reintegración.",
            )
        })
        .collect()
}
