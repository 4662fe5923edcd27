//! R002 and R003: references between items of the plan, and to the national reference.

use std::collections::HashSet;

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::{Severidad, lista};
use crate::path;
use crate::plan::spans::NodePath;
use crate::reference::nacional::Referencia;
use crate::suggest::did_you_mean;

/// Reference to an unknown actor, risk or objective.
pub static R002: Regla = Regla {
    codigo: "R002",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Referencia a un actor, riesgo u objetivo inexistente",
    explicacion: Explicacion {
        que: "Que cada `objetivo`, `riesgos`, `responsable`, `corresponsables` y `apoyo` nombre el id de un elemento declarado en el plan.",
        por_que: "Una acción cuyo responsable no existe no tiene quién la ejecute; una etapa de la ruta con un responsable inexistente deja a la víctima sin a quién acudir.",
        incorrecto: "actores:\n  - id: gad-ibarra\n    ...\nacciones:\n  - id: A1\n    responsable: gad-ibara",
        correcto: "acciones:\n  - id: A1\n    responsable: gad-ibarra",
    },
    comprobar: Comprobacion::Plan(comprobar_r002),
};

/// Unknown national reference, axis or route stage.
pub static R003: Regla = Regla {
    codigo: "R003",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Referencia nacional, eje o etapa de la ruta desconocidos",
    explicacion: Explicacion {
        que: "Que `plan_nacional` nombre una referencia nacional conocida, que el `eje` de cada objetivo sea un eje de esa referencia y que cada `etapa` de la ruta (y cada etapa que nombra `requiere`) sea una etapa de la ruta nacional; en `ruta_trafico`, una etapa de la ruta de tráfico ilícito de migrantes.",
        por_que: "La alineación con el PACTA se mide por ejes y etapas: un eje o una etapa mal escritos dejan al plan fuera de esa alineación.",
        incorrecto: "objetivos:\n  - { id: O1, eje: prevension, descripcion: ... }",
        correcto: "objetivos:\n  - { id: O1, eje: prevencion, descripcion: ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_r003),
};

fn desconocido(path: NodePath, que: &str, id: &str, known: &[&str], agregar: &str) -> Hallazgo {
    let ayuda = match did_you_mean(id, known.iter().copied()) {
        Some(best) => format!("¿Quiso decir `{best}`?"),
        None if known.is_empty() => agregar.to_owned(),
        None if known.len() <= 12 => format!("Valores declarados: {}. {agregar}", lista(known)),
        None => agregar.to_owned(),
    };
    Hallazgo::en(path, format!("{que} `{id}` no existe"), ayuda)
}

fn comprobar_r002(ctx: &Contexto) -> Vec<Hallazgo> {
    let p = ctx.plan;
    let actores: Vec<&str> = p.actores.iter().map(|a| a.id.as_str()).collect();
    let riesgos: Vec<&str> = p.riesgos.iter().map(|r| r.id.as_str()).collect();
    let objetivos: Vec<&str> = p.objetivos.iter().map(|o| o.id.as_str()).collect();
    let riesgo_existe: HashSet<&str> = riesgos.iter().copied().collect();
    let add_actor = "Declare el actor en `actores` o corrija el id.";
    let mut out = Vec::new();
    let actor = |path: NodePath, id: &str, out: &mut Vec<Hallazgo>| {
        if ctx.indice.actor(id).is_none() {
            out.push(desconocido(path, "el actor", id, &actores, add_actor));
        }
    };
    for (i, a) in p.acciones.iter().enumerate() {
        if ctx.indice.objetivo(&a.objetivo).is_none() {
            out.push(desconocido(
                path!["acciones", i, "objetivo"],
                "el objetivo",
                &a.objetivo,
                &objetivos,
                "Declare el objetivo en `objetivos` o corrija el id.",
            ));
        }
        for (j, r) in a.riesgos.iter().enumerate() {
            if !riesgo_existe.contains(r.as_str()) {
                out.push(desconocido(
                    path!["acciones", i, "riesgos", j],
                    "el riesgo",
                    r,
                    &riesgos,
                    "Declare el riesgo en `riesgos` o corrija el id.",
                ));
            }
        }
        actor(
            path!["acciones", i, "responsable"],
            &a.responsable,
            &mut out,
        );
        for (j, c) in a.corresponsables.iter().enumerate() {
            actor(path!["acciones", i, "corresponsables", j], c, &mut out);
        }
    }
    for (i, e) in p.ruta_atencion.iter().enumerate() {
        if let Some(r) = &e.responsable {
            actor(path!["ruta_atencion", i, "responsable"], r, &mut out);
        }
        for (j, a) in e.apoyo.iter().enumerate() {
            actor(path!["ruta_atencion", i, "apoyo", j], a, &mut out);
        }
    }
    for (i, e) in p.ruta_trafico.iter().enumerate() {
        if let Some(r) = &e.responsable {
            actor(path!["ruta_trafico", i, "responsable"], r, &mut out);
        }
        for (j, a) in e.apoyo.iter().enumerate() {
            actor(path!["ruta_trafico", i, "apoyo", j], a, &mut out);
        }
    }
    actor(
        path!["seguimiento", "responsable"],
        &p.seguimiento.responsable,
        &mut out,
    );
    out
}

fn comprobar_r003(ctx: &Contexto) -> Vec<Hallazgo> {
    let r = ctx.referencia;
    let ejes = r.ejes.ids();
    let etapas = r.etapas_ruta.ids();
    let mut out = Vec::new();
    for (i, o) in ctx.plan.objetivos.iter().enumerate() {
        if r.ejes.get(&o.eje).is_none() {
            out.push(desconocido(
                path!["objetivos", i, "eje"],
                "el eje",
                &o.eje,
                &ejes,
                "",
            ));
        }
    }
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        if r.etapas_ruta.get(&e.etapa).is_none() {
            out.push(desconocido(
                path!["ruta_atencion", i, "etapa"],
                "la etapa",
                &e.etapa,
                &etapas,
                "",
            ));
        }
        for (j, requerida) in e.requiere.iter().enumerate() {
            if r.etapas_ruta.get(requerida).is_none() {
                out.push(desconocido(
                    path!["ruta_atencion", i, "requiere", j],
                    "la etapa",
                    requerida,
                    &etapas,
                    "",
                ));
            }
        }
    }
    // The route for smuggled migrants has its own stages.
    let trafico = r.trafico_migrantes.as_ref().map(|t| &t.etapas_ruta);
    let de_trafico = trafico.map(|t| t.ids()).unwrap_or_default();
    for (i, e) in ctx.plan.ruta_trafico.iter().enumerate() {
        let nombres = std::iter::once((path!["ruta_trafico", i, "etapa"], &e.etapa)).chain(
            e.requiere
                .iter()
                .enumerate()
                .map(|(j, x)| (path!["ruta_trafico", i, "requiere", j], x)),
        );
        for (path, etapa) in nombres {
            if !de_trafico.contains(&etapa.as_str()) {
                out.push(desconocido(
                    path,
                    "la etapa de la ruta de tráfico",
                    etapa,
                    &de_trafico,
                    "",
                ));
            }
        }
    }
    out
}

/// R003 for a `plan_nacional` that names no known reference.
pub fn referencia_desconocida(id: &str) -> Hallazgo {
    let known = Referencia::embedded_ids();
    let mut h = desconocido(
        path!["plan_nacional"],
        "la referencia nacional",
        id,
        &known,
        "",
    );
    h.ayuda = format!(
        "{} Sin la referencia nacional no se pueden comprobar la alineación ni la ruta. Referencias disponibles: {}; otra referencia puede ponerse en `nacional/{id}.yaml` junto al plan.",
        h.ayuda,
        lista(&known)
    )
    .trim_start()
    .to_owned();
    h
}

/// R003 for a reference file on disk that cannot be read.
pub fn referencia_ilegible(motivo: &str) -> Hallazgo {
    Hallazgo::en(
        path!["plan_nacional"],
        format!("la referencia nacional no se pudo leer: {motivo}"),
        "Corrija ese archivo (compárelo con plans/nacional/pacta-2019-2030.yaml) o bórrelo para usar la referencia incorporada.",
    )
}
