//! A010 and A011: the referral route by population. Each entry of the route says whom it serves,
//! and each mandatory stage says who answers for children and adolescents, for adults and for
//! foreign nationals (the populations the reference marks `requerida`).
//!
//! An entry without `poblacion` is read as serving every victim: plans written before the route
//! distinguished populations keep their meaning, and A010 asks them to say it.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::EtapaRuta;

/// The population an entry serves: its `poblacion`, or every victim when it does not say.
pub fn poblacion_de<'a>(ctx: &Contexto<'a>, e: &'a EtapaRuta) -> &'a str {
    e.poblacion.as_deref().unwrap_or_else(|| {
        ctx.referencia
            .poblaciones_ruta
            .valores
            .iter()
            .find(|p| !p.incluye.is_empty())
            .map_or("todas", |p| p.id.as_str())
    })
}

/// Route entry without population.
pub static A010: Regla = Regla {
    codigo: "A010",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Entrada de la ruta sin población",
    explicacion: Explicacion {
        que: "Que cada entrada de `ruta_atencion` diga con `poblacion` a quién atiende: `todas`, `ninez_adolescencia`, `adultos`, `extranjeros` o `en_el_exterior` (catálogo `poblaciones_ruta` de la referencia nacional). Una etapa puede tener varias entradas, una por población.",
        por_que: "La ruta no es la misma para una niña, para una mujer adulta o para un hombre extranjero: quien acoge, quien dicta medidas y quien gestiona la regularización o el retorno cambian. Una entrada que no dice a quién atiende se lee como si valiera para todas las víctimas.",
        incorrecto: "- { etapa: proteccion_inmediata, responsable: jcpd-ibarra }",
        correcto: "- { etapa: proteccion_inmediata, poblacion: ninez_adolescencia, responsable: jcpd-ibarra }\n- { etapa: proteccion_inmediata, poblacion: adultos, responsable: mdh-imbabura }\n- { etapa: proteccion_inmediata, poblacion: extranjeros, responsable: mdh-imbabura, apoyo: [cancilleria-imbabura] }",
    },
    comprobar: Comprobacion::Plan(comprobar_a010),
};

/// Mandatory stage without anyone for a population.
pub static A011: Regla = Regla {
    codigo: "A011",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Etapa obligatoria sin responsable para una población",
    explicacion: Explicacion {
        que: "Que cada etapa obligatoria de la ruta tenga, entre sus entradas, una para cada población requerida (niñas, niños y adolescentes; personas adultas ecuatorianas; personas adultas extranjeras), o una entrada con `poblacion: todas`.",
        por_que: "Si la ruta dice quién acoge a niñas y niños pero no a personas adultas extranjeras, una víctima extranjera no tiene a quién acudir en esa etapa.",
        incorrecto: "- { etapa: proteccion_inmediata, poblacion: ninez_adolescencia, responsable: jcpd-ibarra }\n- { etapa: proteccion_inmediata, poblacion: adultos, responsable: mdh-imbabura }",
        correcto: "- { etapa: proteccion_inmediata, poblacion: ninez_adolescencia, responsable: jcpd-ibarra }\n- { etapa: proteccion_inmediata, poblacion: adultos, responsable: mdh-imbabura }\n- { etapa: proteccion_inmediata, poblacion: extranjeros, responsable: mdh-imbabura, apoyo: [cancilleria-imbabura] }",
    },
    comprobar: Comprobacion::Plan(comprobar_a011),
};

fn comprobar_a010(ctx: &Contexto) -> Vec<Hallazgo> {
    let catalogo = &ctx.referencia.poblaciones_ruta;
    if catalogo.valores.is_empty() {
        return Vec::new();
    }
    let requeridas: Vec<&str> = catalogo
        .valores
        .iter()
        .filter(|p| p.requerida)
        .map(|p| p.id.as_str())
        .collect();
    ctx.plan
        .ruta_atencion
        .iter()
        .enumerate()
        .filter(|(_, e)| e.poblacion.is_none())
        .map(|(i, e)| {
            Hallazgo::en(
                path!["ruta_atencion", i],
                format!(
                    "la entrada de la etapa «{}» no dice a qué población atiende",
                    ctx.referencia.etapas_ruta.nombre(&e.etapa)
                ),
                format!(
                    "Si vale para toda víctima, agregue `poblacion: {}`; si no, escriba una entrada de la etapa por población ({}).",
                    poblacion_de(ctx, e),
                    crate::diagnostics::lista(&requeridas)
                ),
            )
        })
        .collect()
}

fn comprobar_a011(ctx: &Contexto) -> Vec<Hallazgo> {
    let catalogo = &ctx.referencia.poblaciones_ruta;
    let mut out = Vec::new();
    for etapa in ctx
        .referencia
        .etapas_ruta
        .valores
        .iter()
        .filter(|e| e.obligatoria)
    {
        let entradas: Vec<(usize, &EtapaRuta)> = ctx
            .plan
            .ruta_atencion
            .iter()
            .enumerate()
            .filter(|(_, e)| e.etapa == etapa.id)
            .collect();
        // A stage with no entry at all is A002's.
        let Some((primera, _)) = entradas.first() else {
            continue;
        };
        let faltan: Vec<&str> = catalogo
            .valores
            .iter()
            .filter(|p| p.requerida)
            .filter(|p| {
                !entradas
                    .iter()
                    .any(|(_, e)| catalogo.cubre(poblacion_de(ctx, e), &p.id))
            })
            .map(|p| p.nombre.as_str())
            .collect();
        if faltan.is_empty() {
            continue;
        }
        let nombres: Vec<String> = faltan.iter().map(|n| n.to_lowercase()).collect();
        out.push(Hallazgo::en(
            path!["ruta_atencion", *primera, "etapa"],
            format!(
                "la etapa «{}» no dice quién atiende a: {}",
                etapa.nombre,
                nombres.join("; ")
            ),
            "Agregue una entrada de la etapa para cada población que falta (`poblacion: …` con su `responsable`), o use `poblacion: todas` si la misma institución atiende a todas las víctimas.",
        ));
    }
    out
}
