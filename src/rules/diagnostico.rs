//! C016–C018: the diagnosis. A plan rests on at least one case figure with its source (an error
//! for a plan heading to the Concejo: `--estricto` or approved), and
//! the case figures say who the victims are (sex, age group, nationality, purpose) consistently.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::CasosAnio;

/// Plan without figures.
pub static C016: Regla = Regla {
    codigo: "C016",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Plan sin cifras de casos en el diagnóstico",
    explicacion: Explicacion {
        que: "Que el plan tenga en `diagnostico.casos` al menos una cifra de casos con su `fuente`. Es un error con `--estricto` y en un plan aprobado: un plan que va al Concejo sin cifras no puede aprobarse.",
        por_que: "Sin una cifra con fuente, el plan no muestra de qué situación parte ni permite medir después si la trata en el cantón cambió. El informe consolidado lo cuenta como brecha.",
        incorrecto: "diagnostico:\n  contexto: El cantón es zona de paso.",
        correcto: "diagnostico:\n  contexto: El cantón es zona de paso.\n  casos:\n    - { anio: 2025, casos: 9, fuente: Fiscalía Provincial de Imbabura }",
    },
    comprobar: Comprobacion::Plan(comprobar_c016),
};

/// Breakdown that does not add up.
pub static C017: Regla = Regla {
    codigo: "C017",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Desglose de casos que no cuadra con el total",
    explicacion: Explicacion {
        que: "Que en `desglose` los casos por sexo, por edad y por nacionalidad sumen cada uno el total de casos del año (con `sin_dato` para los que no tienen ese dato), y que ningún fin de explotación tenga más casos que el total.",
        por_que: "Un desglose que no cuadra hace dudar de todas las cifras del diagnóstico y deja mal dimensionada la respuesta a cada población.",
        incorrecto: "- anio: 2025\n  casos: 9\n  desglose: { sexo: { mujeres: 6, hombres: 1 } }",
        correcto: "- anio: 2025\n  casos: 9\n  desglose: { sexo: { mujeres: 6, hombres: 1, sin_dato: 2 } }",
    },
    comprobar: Comprobacion::Plan(comprobar_c017),
};

/// Case figures without breakdown.
pub static C018: Regla = Regla {
    codigo: "C018",
    severidad: Severidad::Sugerencia,
    estricta: false,
    titulo: "Casos sin desglose",
    explicacion: Explicacion {
        que: "Que cada año con casos tenga `desglose` por sexo, grupo de edad, nacionalidad o fin de explotación, en la medida en que la fuente lo dé.",
        por_que: "El total no dice a quién afecta la trata: saber cuántas víctimas son niñas, niños o adolescentes, o extranjeras, es lo que orienta las acciones y la ruta de atención.",
        incorrecto: "- { anio: 2025, casos: 9, fuente: Fiscalía Provincial }",
        correcto: "- anio: 2025\n  casos: 9\n  fuente: Fiscalía Provincial\n  desglose:\n    sexo: { mujeres: 8, hombres: 1 }\n    edad: { ninez_adolescencia: 5, adultos: 4 }\n    nacionalidad: { ecuatoriana: 6, extranjera: 3 }\n    fines: { explotacion_sexual: 7, explotacion_laboral: 2 }",
    },
    comprobar: Comprobacion::Plan(comprobar_c018),
};

fn comprobar_c016(ctx: &Contexto) -> Vec<Hallazgo> {
    if !super::brechas::sin_cifras(ctx.plan) {
        return Vec::new();
    }
    let casos = ctx.plan.diagnostico.as_ref().map(|d| d.casos.as_slice());
    let ayuda = "Agregue en `diagnostico.casos` al menos una cifra con su fuente, por ejemplo `- { anio: 2025, casos: 9, fuente: Fiscalía Provincial }`.";
    vec![match casos {
        None => Hallazgo::en(
            path!["estado"],
            "el plan no tiene diagnóstico con cifras de casos",
            ayuda,
        ),
        Some([]) => Hallazgo::clave(
            path!["diagnostico"],
            "el diagnóstico no tiene ninguna cifra de casos",
            ayuda,
        ),
        Some(_) => Hallazgo::clave(
            path!["diagnostico", "casos"],
            "ninguna cifra del diagnóstico dice de qué fuente proviene",
            ayuda,
        ),
    }]
}

fn comprobar_c017(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(d) = &ctx.plan.diagnostico else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, c) in d.casos.iter().enumerate() {
        let Some(desglose) = &c.desglose else {
            continue;
        };
        let grupos = [
            (
                "sexo",
                "por sexo",
                desglose.sexo.map(|s| s.mujeres + s.hombres + s.sin_dato),
            ),
            (
                "edad",
                "por edad",
                desglose
                    .edad
                    .map(|e| e.ninez_adolescencia + e.adultos + e.sin_dato),
            ),
            (
                "nacionalidad",
                "por nacionalidad",
                desglose
                    .nacionalidad
                    .map(|n| n.ecuatoriana + n.extranjera + n.sin_dato),
            ),
        ];
        for (campo, que, suma) in grupos {
            if let Some(suma) = suma.filter(|s| *s != c.casos) {
                out.push(Hallazgo::clave(
                    path!["diagnostico", "casos", i, "desglose", campo],
                    format!(
                        "los casos de {} {que} suman {suma}, pero el total es {}",
                        c.anio, c.casos
                    ),
                    "Corrija los números o ponga en `sin_dato` los casos de los que la fuente no da ese dato, para que sumen el total.",
                ));
            }
        }
        for (fin, n) in desglose.fines.iter().filter(|(_, n)| **n > c.casos) {
            out.push(Hallazgo::en(
                path!["diagnostico", "casos", i, "desglose", "fines", fin.as_str()],
                format!(
                    "{} casos de {} en {}, más que el total del año ({})",
                    n,
                    ctx.referencia.fines_explotacion.nombre(fin).to_lowercase(),
                    c.anio,
                    c.casos
                ),
                "Un fin de explotación no puede tener más casos que el total: revise la cifra.",
            ));
        }
    }
    out
}

fn sin_desglose(c: &CasosAnio) -> bool {
    c.casos > 0
        && c.desglose.as_ref().is_none_or(|d| {
            d.sexo.is_none() && d.edad.is_none() && d.nacionalidad.is_none() && d.fines.is_empty()
        })
}

fn comprobar_c018(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(d) = &ctx.plan.diagnostico else {
        return Vec::new();
    };
    d.casos
        .iter()
        .enumerate()
        .filter(|(_, c)| sin_desglose(c))
        .map(|(i, c)| {
            Hallazgo::en(
                path!["diagnostico", "casos", i],
                format!("los {} casos de {} no están desglosados", c.casos, c.anio),
                "Si la fuente lo permite, agregue `desglose:` con `sexo`, `edad`, `nacionalidad` o `fines` (por ejemplo `desglose: { sexo: { mujeres: 6, hombres: 1 } }`).",
            )
        })
        .collect()
}
