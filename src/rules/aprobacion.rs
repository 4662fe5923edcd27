//! C005, C010–C013 and C029: an approved plan says how it was approved, and the approval it
//! states is consistent: after the drafting, by the cantonal Concejo (the Concejo Metropolitano in
//! a metropolitan district), with the number of its act, not in the future, and, for an ordinance,
//! with its two debates and its sanction in order.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::espanol::fecha_larga;
use crate::path;
use crate::plan::model::Estado;
use crate::suggest::fold;

/// `estado: aprobado` without `aprobacion`.
pub static C005: Regla = Regla {
    codigo: "C005",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Plan aprobado sin datos de aprobación",
    explicacion: Explicacion {
        que: "Que un plan con `estado: aprobado` tenga la sección `aprobacion` (instrumento, número, fecha y órgano).",
        por_que: "El plan aprobado es un acto normativo del Concejo Municipal: sin la ordenanza o resolución que lo aprobó, el documento impreso no tiene respaldo.",
        incorrecto: "estado: aprobado",
        correcto: "estado: aprobado\naprobacion:\n  instrumento: ordenanza\n  numero: \"GADI-2026-014\"\n  fecha: 2026-03-15\n  organo: Concejo Municipal de Ibarra",
    },
    comprobar: Comprobacion::Plan(comprobar_c005),
};

/// Approval dated before the drafting.
pub static C010: Regla = Regla {
    codigo: "C010",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Aprobación anterior a la elaboración del plan",
    explicacion: Explicacion {
        que: "Que `aprobacion.fecha` no sea anterior a `elaboracion.fecha`. Sin fecha de elaboración no se compara.",
        por_que: "El Concejo aprueba un texto ya elaborado: una aprobación con fecha anterior indica una fecha mal escrita o un plan que cambió después de aprobado sin volver al Concejo.",
        incorrecto: "aprobacion: { instrumento: ordenanza, numero: \"014\", fecha: 2026-01-10, organo: Concejo Municipal de Ibarra }\nelaboracion: { fecha: 2026-02-01 }",
        correcto: "aprobacion: { instrumento: ordenanza, numero: \"014\", fecha: 2026-03-15, organo: Concejo Municipal de Ibarra }\nelaboracion: { fecha: 2026-02-01 }",
    },
    comprobar: Comprobacion::Plan(comprobar_c010),
};

/// Approved by a body that is not the cantonal Concejo.
pub static C011: Regla = Regla {
    codigo: "C011",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Plan aprobado por un órgano que no es el Concejo Municipal",
    explicacion: Explicacion {
        que: "Que `aprobacion.organo` nombre al Concejo Municipal (o Cantonal) del cantón, y no a una junta parroquial ni al Consejo Cantonal de Protección de Derechos. En un Distrito Metropolitano (Quito) el órgano es el Concejo Metropolitano, y sus normas son ordenanzas metropolitanas; en los demás cantones, un «Concejo Metropolitano» es un error.",
        por_que: "El plan cantonal obliga al GAD municipal y a su presupuesto: solo el Concejo puede aprobarlo. El Consejo Cantonal de Protección de Derechos lo formula y le da seguimiento, y una junta parroquial no tiene competencia cantonal. Un acto que nombra al órgano con otro nombre no se encuentra en el registro del Concejo.",
        incorrecto: "aprobacion: { instrumento: resolucion, numero: \"12\", fecha: 2026-03-15, organo: Junta Parroquial de San Antonio }",
        correcto: "aprobacion: { instrumento: resolucion, numero: \"12\", fecha: 2026-03-15, organo: Concejo Municipal de Ibarra }",
    },
    comprobar: Comprobacion::Plan(comprobar_c011),
};

/// No number for the act of approval.
pub static C012: Regla = Regla {
    codigo: "C012",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Aprobación sin número de ordenanza o resolución",
    explicacion: Explicacion {
        que: "Que `aprobacion.numero` contenga el número de la ordenanza o resolución (al menos un dígito), no un texto vacío ni «s/n».",
        por_que: "El número es lo que permite encontrar el acto en el registro del Concejo y citarlo: sin él, la aprobación no se puede verificar.",
        incorrecto: "aprobacion: { instrumento: ordenanza, numero: \"s/n\", fecha: 2026-03-15, organo: Concejo Municipal de Ibarra }",
        correcto: "aprobacion: { instrumento: ordenanza, numero: \"GADI-2026-014\", fecha: 2026-03-15, organo: Concejo Municipal de Ibarra }",
    },
    comprobar: Comprobacion::Plan(comprobar_c012),
};

/// Approved plan whose approval is dated in the future.
pub static C013: Regla = Regla {
    codigo: "C013",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Plan aprobado con fecha de aprobación futura",
    explicacion: Explicacion {
        que: "Que un plan con `estado: aprobado` no tenga `aprobacion.fecha` posterior a hoy (la fecha de `SOURCE_DATE_EPOCH` si está definida).",
        por_que: "Un plan no puede estar aprobado por un acto que todavía no ocurrió: el documento impreso afirmaría una aprobación inexistente.",
        incorrecto: "estado: aprobado\naprobacion: { instrumento: ordenanza, numero: \"014\", fecha: 2099-03-15, organo: Concejo Municipal de Ibarra }",
        correcto: "estado: en_revision   # hasta que el Concejo apruebe el plan",
    },
    comprobar: Comprobacion::Plan(comprobar_c013),
};

fn comprobar_c005(ctx: &Contexto) -> Vec<Hallazgo> {
    if ctx.plan.estado == Estado::Aprobado && ctx.plan.aprobacion.is_none() {
        return vec![Hallazgo::en(
            path!["estado"],
            "el plan dice `estado: aprobado` pero no tiene la sección `aprobacion`",
            "Agregue `aprobacion:` con `instrumento`, `numero`, `fecha` y `organo`, o cambie el estado a `borrador` o `en_revision`.",
        )];
    }
    Vec::new()
}

fn comprobar_c010(ctx: &Contexto) -> Vec<Hallazgo> {
    let (Some(a), Some(e)) = (&ctx.plan.aprobacion, &ctx.plan.elaboracion) else {
        return Vec::new();
    };
    if a.fecha >= e.fecha {
        return Vec::new();
    }
    vec![Hallazgo::en(
        path!["aprobacion", "fecha"],
        format!(
            "la aprobación ({}) es anterior a la elaboración del plan ({})",
            fecha_larga(a.fecha),
            fecha_larga(e.fecha)
        ),
        "Revise las dos fechas: `aprobacion.fecha` es la de la sesión del Concejo que aprobó este texto y `elaboracion.fecha` la del texto que se aprobó.",
    )]
}

/// What is wrong with the approving body, if anything.
fn organo_no_cantonal(organo: &str) -> Option<&'static str> {
    let o = fold(organo);
    if o.contains("parroquial") || o.contains("junta") {
        Some(
            "una junta parroquial o una junta cantonal no puede aprobar un plan cantonal: lo aprueba el Concejo Municipal",
        )
    } else if o.contains("consejo") && !o.contains("concejo") {
        Some(
            "el Consejo Cantonal de Protección de Derechos formula el plan y le da seguimiento, pero quien lo aprueba es el Concejo Municipal (con c)",
        )
    } else if !o.contains("concejo") {
        Some("el plan cantonal lo aprueba el Concejo Municipal")
    } else {
        None
    }
}

fn comprobar_c011(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(a) = &ctx.plan.aprobacion else {
        return Vec::new();
    };
    let concejo = crate::reference::dpa::concejo(&ctx.plan.canton.codigo, &ctx.plan.canton.nombre);
    let o = fold(&a.organo);
    let motivo = organo_no_cantonal(&a.organo).map(str::to_owned).or_else(|| {
        if concejo.metropolitano && !o.contains("metropolitano") {
            Some(format!(
                "{} es un Distrito Metropolitano: su plan lo aprueba el Concejo Metropolitano, mediante ordenanza metropolitana o resolución",
                ctx.plan.canton.nombre
            ))
        } else if !concejo.metropolitano && o.contains("metropolitano") {
            Some(format!(
                "{} no es un Distrito Metropolitano: su plan lo aprueba el Concejo Municipal",
                ctx.plan.canton.nombre
            ))
        } else {
            None
        }
    });
    let Some(motivo) = motivo else {
        return Vec::new();
    };
    vec![Hallazgo::en(
        path!["aprobacion", "organo"],
        format!(
            "«{}» no es el Concejo del cantón: {motivo}",
            a.organo.trim()
        ),
        format!(
            "Escriba el órgano que aprobó el plan, por ejemplo `organo: {}`; si todavía no lo aprobó el Concejo, use `estado: en_revision`.",
            concejo.nombre
        ),
    )]
}

/// The process of an ordinance out of order.
pub static C029: Regla = Regla {
    codigo: "C029",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Trámite de la ordenanza en desorden",
    explicacion: Explicacion {
        que: "Que, en un plan aprobado por ordenanza, el primer debate (`aprobacion.primer_debate`) sea anterior al segundo (`aprobacion.fecha`) y la sanción (`aprobacion.sancion`) no sea anterior a él; y que una resolución no tenga debates ni sanción, que son propios de una ordenanza.",
        por_que: "La ordenanza se discute en dos debates, luego la alcaldía la sanciona y se publica: los certificados que imprime el documento deben seguir ese orden para que el acto se pueda verificar.",
        incorrecto: "aprobacion: { instrumento: ordenanza, numero: \"014\", fecha: 2026-03-15, primer_debate: 2026-03-20, organo: Concejo Municipal de Ibarra }",
        correcto: "aprobacion: { instrumento: ordenanza, numero: \"014\", fecha: 2026-03-15, primer_debate: 2026-03-01, sancion: 2026-03-18, organo: Concejo Municipal de Ibarra }",
    },
    comprobar: Comprobacion::Plan(comprobar_c029),
};

fn comprobar_c029(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(a) = &ctx.plan.aprobacion else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if a.instrumento == crate::plan::model::Instrumento::Resolucion {
        for (campo, dado) in [
            ("primer_debate", a.primer_debate.is_some()),
            ("sancion", a.sancion.is_some()),
        ] {
            if dado {
                out.push(Hallazgo::en(
                    path!["aprobacion", campo],
                    format!("una resolución no tiene `{campo}`: es parte del trámite de una ordenanza"),
                    "Quite el campo, o escriba `instrumento: ordenanza` si el plan se aprobó por ordenanza.",
                ));
            }
        }
        return out;
    }
    if let Some(p) = a.primer_debate.filter(|p| *p >= a.fecha) {
        out.push(Hallazgo::en(
            path!["aprobacion", "primer_debate"],
            format!(
                "el primer debate ({}) no es anterior al segundo, el de la aprobación ({})",
                fecha_larga(p),
                fecha_larga(a.fecha)
            ),
            "`fecha` es el día del segundo debate, en que se aprobó; `primer_debate`, el de una sesión anterior.",
        ));
    }
    if let Some(s) = a.sancion.filter(|s| *s < a.fecha) {
        out.push(Hallazgo::en(
            path!["aprobacion", "sancion"],
            format!(
                "la sanción ({}) es anterior a la aprobación en segundo debate ({})",
                fecha_larga(s),
                fecha_larga(a.fecha)
            ),
            "La alcaldía sanciona la ordenanza después de que el Concejo la aprueba: revise las dos fechas.",
        ));
    }
    out
}

fn comprobar_c012(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(a) = &ctx.plan.aprobacion else {
        return Vec::new();
    };
    if a.numero.chars().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let instrumento = match a.instrumento {
        crate::plan::model::Instrumento::Ordenanza => "la ordenanza",
        crate::plan::model::Instrumento::Resolucion => "la resolución",
    };
    vec![Hallazgo::en(
        path!["aprobacion", "numero"],
        format!(
            "«{}» no es un número de {instrumento} de aprobación",
            a.numero.trim()
        ),
        format!(
            "Escriba el número con que el Concejo registró {instrumento}, por ejemplo `numero: \"GAD-2026-014\"`."
        ),
    )]
}

fn comprobar_c013(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(a) = ctx
        .plan
        .aprobacion
        .as_ref()
        .filter(|_| ctx.plan.estado == Estado::Aprobado)
    else {
        return Vec::new();
    };
    if a.fecha <= ctx.hoy {
        return Vec::new();
    }
    vec![Hallazgo::en(
        path!["aprobacion", "fecha"],
        format!(
            "el plan dice estar aprobado el {}, una fecha que todavía no llega (hoy es {})",
            fecha_larga(a.fecha),
            fecha_larga(ctx.hoy)
        ),
        "Corrija la fecha de la sesión del Concejo o, si el plan todavía no se aprueba, cambie el estado a `en_revision`.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Aprobacion, Instrumento};
    use chrono::NaiveDate;

    #[test]
    fn only_the_concejo_approves() {
        for ok in [
            "Concejo Municipal de Ibarra",
            "CONCEJO CANTONAL DE OTAVALO",
            "Concejo",
        ] {
            assert_eq!(organo_no_cantonal(ok), None, "{ok}");
        }
        for wrong in [
            "Junta Parroquial de San Antonio",
            "GAD Parroquial de Íntag",
            "Consejo Cantonal de Protección de Derechos de Ibarra",
            "Alcaldía de Ibarra",
        ] {
            assert!(organo_no_cantonal(wrong).is_some(), "{wrong}");
        }
    }

    #[test]
    fn the_future_is_judged_against_the_injected_today() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/base.yaml"
        ))
        .unwrap();
        let mut plan: crate::plan::model::Plan = serde_yaml::from_str(&text).unwrap();
        plan.estado = Estado::Aprobado;
        let dia = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        plan.aprobacion = Some(Aprobacion {
            instrumento: Instrumento::Ordenanza,
            numero: "14".into(),
            fecha: dia(15),
            organo: "Concejo Municipal de Ibarra".into(),
            firmantes: Vec::new(),
            primer_debate: None,
            sancion: None,
            publicacion: None,
        });
        let referencia = crate::reference::nacional::Referencia::pacta();
        let ctx = |hoy| Contexto::new(&plan, referencia, std::path::Path::new("."), hoy);
        assert!(comprobar_c013(&ctx(dia(15))).is_empty());
        assert_eq!(comprobar_c013(&ctx(dia(14))).len(), 1);
    }
}
