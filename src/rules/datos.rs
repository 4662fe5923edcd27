//! The reference data a rule checks against, listed for `explicar` and `docs/reglas.md`: what the
//! rule's text describes in general (who may lead each stage, the deadlines, the populations),
//! read from the national reference so that the explanation never disagrees with the data.

use crate::espanol::fecha_larga;
use crate::reference::nacional::Referencia;

/// Lines describing the data of `r` that the rule `codigo` uses; empty when it uses none.
pub fn de_la_regla(codigo: &str, r: &Referencia) -> Vec<String> {
    match codigo {
        "A006" => instituciones(r),
        "A008" | "A016" => plazos(r),
        "A010" | "A011" => poblaciones(r),
        "A012" => limites(r),
        "A013" => lideran(r),
        "A014" => no_depende_de(r),
        "A015" => evaluacion_riesgo(r),
        _ => Vec::new(),
    }
}

fn instituciones(r: &Referencia) -> Vec<String> {
    let i = &r.instituciones;
    i.valores
        .iter()
        .filter_map(|inst| {
            let hasta = inst.hasta?;
            Some(format!(
                "{} (`{}`) {}, desde el {}.",
                inst.nombre,
                inst.id,
                inst.que_paso(i)?,
                fecha_larga(hasta)
            ))
        })
        .collect()
}

fn plazos(r: &Referencia) -> Vec<String> {
    let mut out = Vec::new();
    for e in &r.etapas_ruta.valores {
        if let Some(max) = e.plazo_max_horas {
            out.push(format!(
                "{}: responde en {max} horas como máximo (techo de `cantonal`).",
                e.nombre
            ));
        }
        if let Some(a) = &e.plazo_activacion {
            let para = a
                .poblacion
                .as_deref()
                .map(|p| format!(" para {}", r.poblaciones_ruta.nombre(p).to_lowercase()))
                .unwrap_or_default();
            let fuentes: Vec<&str> = a
                .fuentes
                .iter()
                .filter_map(|f| r.fuentes.iter().find(|x| &x.id == f))
                .map(|f| f.titulo.as_str())
                .collect();
            out.push(format!(
                "{}: actúa en {} horas{para}, {} (plazo de activación, no de fin de la etapa; fuente: {}).",
                e.nombre,
                a.horas,
                a.desde,
                fuentes.join("; ")
            ));
        }
    }
    out
}

fn poblaciones(r: &Referencia) -> Vec<String> {
    r.poblaciones_ruta
        .valores
        .iter()
        .map(|p| {
            format!(
                "`{}`: {}{}{}",
                p.id,
                p.nombre,
                p.descripcion
                    .as_deref()
                    .map(|d| format!(". {d}"))
                    .unwrap_or_else(|| ".".to_owned()),
                if p.requerida {
                    " Cada etapa obligatoria debe decir quién la atiende."
                } else {
                    ""
                }
            )
        })
        .collect()
}

fn limites(r: &Referencia) -> Vec<String> {
    r.limites_poblacion
        .valores
        .iter()
        .map(|l| {
            let quien: Vec<String> = l
                .tipo_actor
                .iter()
                .map(|t| format!("actores de tipo `{t}`"))
                .chain(
                    l.institucion
                        .iter()
                        .map(|i| format!("actores de la institución `{i}`")),
                )
                .collect();
            let para: Vec<String> = l
                .poblaciones
                .iter()
                .map(|p| r.poblaciones_ruta.nombre(p).to_lowercase())
                .collect();
            let mut linea = format!(
                "{}: solo para {}. {}",
                quien.join(" o "),
                para.join(", "),
                l.motivo.trim()
            );
            for s in &l.solo_en {
                let poblaciones: Vec<String> = s
                    .poblaciones
                    .iter()
                    .map(|p| r.poblaciones_ruta.nombre(p).to_lowercase())
                    .collect();
                let etapas: Vec<String> = s
                    .etapas
                    .iter()
                    .map(|e| format!("«{}»", r.etapas_ruta.nombre(e)))
                    .collect();
                linea.push_str(&format!(
                    " Para {}, solo en {}: {}",
                    poblaciones.join(", "),
                    etapas.join(", "),
                    s.motivo.trim()
                ));
            }
            linea
        })
        .collect()
}

fn lideran(r: &Referencia) -> Vec<String> {
    r.etapas_ruta
        .valores
        .iter()
        .filter_map(|e| {
            let l = e.lideran.as_ref()?;
            let quien: Vec<String> = l
                .tipos_actor
                .iter()
                .map(|t| r.tipos_actor.nombre(t).to_owned())
                .chain(
                    l.instituciones
                        .iter()
                        .map(|i| r.instituciones.nombre(i).to_owned()),
                )
                .collect();
            Some(format!("{}: {}.", e.nombre, quien.join("; ")))
        })
        .collect()
}

fn no_depende_de(r: &Referencia) -> Vec<String> {
    r.etapas_ruta
        .valores
        .iter()
        .filter(|e| !e.no_depende_de.is_empty())
        .map(|e| {
            let de: Vec<&str> = e
                .no_depende_de
                .iter()
                .map(|d| r.etapas_ruta.nombre(d))
                .collect();
            format!("{} no espera a: {}.", e.nombre, de.join(", "))
        })
        .collect()
}

fn evaluacion_riesgo(r: &Referencia) -> Vec<String> {
    r.etapas_ruta
        .valores
        .iter()
        .filter(|e| e.evaluacion_riesgo_previa)
        .map(|e| format!("{}: necesita `evaluacion_riesgo`.", e.nombre))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_explanations_list_the_data_of_the_reference() {
        let r = Referencia::pacta();
        let a013 = de_la_regla("A013", r);
        assert!(a013.contains(
            &"Denuncia y protección judicial: Fiscalía General del Estado; Policía Nacional del Ecuador; Dirección de Niñez, Adolescencia y Familia de la Policía Nacional; Dirección Nacional de Policía Especializada para Niños, Niñas y Adolescentes.".to_owned()
        ), "{a013:#?}");
        let plazos = de_la_regla("A008", r).join("\n");
        assert!(plazos.contains("Retorno y repatriación: actúa en 24 horas para personas ecuatorianas localizadas en el exterior, desde que se conoce el caso de una presunta víctima (plazo de activación"), "{plazos}");
        assert!(de_la_regla("A012", r)[0].starts_with(
            "actores de tipo `junta_cantonal` o actores de la institución `jcpd`: solo para niñas, niños y adolescentes."
        ));
        assert!(de_la_regla("A006", r).iter().any(|l| l.starts_with("Ministerio de Inclusión Económica y Social (`mies`) se fusionó en el Ministerio de Desarrollo Humano")));
        assert!(de_la_regla("C001", r).is_empty());
    }
}
