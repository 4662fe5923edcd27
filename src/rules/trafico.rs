//! C022 and A019–A022: the smuggling of migrants. A risk says which crime it is about (a risk of
//! trafficking names its purposes of exploitation; one of smuggling has none), a canton with a
//! border crossing considers smuggling, a risk of smuggling is answered by actions and by a route
//! for smuggled migrants, and that route never treats the migrant as an offender.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::{Severidad, lista};
use crate::path;
use crate::reference::dpa::Dpa;
use crate::suggest::fold;

/// A risk whose purposes do not match its kind.
pub static C022: Regla = Regla {
    codigo: "C022",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Riesgo cuyo tipo no concuerda con sus fines de explotación",
    explicacion: Explicacion {
        que: "Que un riesgo de trata (el tipo por omisión) nombre en `fines` al menos un fin de explotación, y que un riesgo de tráfico ilícito de migrantes (`tipo: trafico_migrantes`) no nombre ninguno.",
        por_que: "La trata se define por su fin de explotación: sin él, el riesgo no dice contra qué actuar. El tráfico ilícito de migrantes no lo tiene: si en el trayecto o al llegar se explota a la persona, eso es trata, y va como un riesgo de trata aparte.",
        incorrecto: "- { id: R4, titulo: Cruce irregular por trochas, tipo: trafico_migrantes, fines: [explotacion_laboral], ... }",
        correcto: "- { id: R4, titulo: Cruce irregular por trochas, tipo: trafico_migrantes, poblaciones: [personas_en_movilidad], ... }\n- { id: R5, titulo: Explotación laboral de migrantes al llegar, fines: [explotacion_laboral], ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_c022),
};

/// Border canton without risks of smuggling.
pub static A019: Regla = Regla {
    codigo: "A019",
    severidad: Severidad::Sugerencia,
    estricta: false,
    titulo: "Cantón de frontera sin riesgos de tráfico ilícito de migrantes",
    explicacion: Explicacion {
        que: "Que un cantón con un paso fronterizo terrestre, o de una provincia que los tiene (`pasos_fronterizos` de la referencia nacional: Carchi, Sucumbíos, Esmeraldas, El Oro, Loja, Zamora Chinchipe), considere en sus riesgos el tráfico ilícito de migrantes (`tipo: trafico_migrantes`).",
        por_que: "Por los pasos de frontera, habilitados o no, cruzan personas a las que se cobra por pasarlas de forma irregular. Un plan de un cantón de frontera que no lo considera deja sin respuesta a personas que el protocolo interinstitucional manda proteger.",
        incorrecto: "canton: { codigo: \"0401\", nombre: Tulcán, provincia: Carchi }\nriesgos:\n  - { id: R1, fines: [explotacion_sexual], ... }",
        correcto: "riesgos:\n  - { id: R1, fines: [explotacion_sexual], ... }\n  - { id: R2, titulo: Cruce irregular por trochas, tipo: trafico_migrantes, poblaciones: [personas_en_movilidad], ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a019),
};

/// Risk of smuggling without actions.
pub static A020: Regla = Regla {
    codigo: "A020",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Riesgo de tráfico ilícito de migrantes sin acciones",
    explicacion: Explicacion {
        que: "Que cada riesgo de tráfico ilícito de migrantes sea nombrado en `riesgos` por al menos una acción del plan.",
        por_que: "Un riesgo identificado al que ninguna acción responde es un peligro conocido que el cantón no atiende: información en los pasos y terminales, formación a quien detecta, coordinación con Cancillería y Fiscalía.",
        incorrecto: "riesgos:\n  - { id: R4, tipo: trafico_migrantes, ... }\n# …ninguna acción con riesgos: [R4]",
        correcto: "acciones:\n  - { id: A13, riesgos: [R4], descripcion: Puntos de información en el terminal terrestre, ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a020),
};

/// Risk of smuggling without a route for smuggled migrants.
pub static A021: Regla = Regla {
    codigo: "A021",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Ruta para personas objeto de tráfico incompleta",
    explicacion: Explicacion {
        que: "Que un plan con riesgos de tráfico ilícito de migrantes, o con una `ruta_trafico`, tenga en `ruta_trafico` cada etapa obligatoria de esa ruta (detección, asistencia humanitaria, información de derechos) con un `responsable`.",
        por_que: "La persona objeto de tráfico no es víctima de trata ni infractora: necesita su propia ruta (asistencia humanitaria, información de sus derechos, derivación a protección internacional o consular). Sin ella, nadie sabe a quién llamar cuando se la identifica.",
        incorrecto: "riesgos:\n  - { id: R4, tipo: trafico_migrantes, ... }\n# …sin ruta_trafico",
        correcto: "ruta_trafico:\n  - { etapa: deteccion, responsable: dinaf-carchi }\n  - { etapa: asistencia_humanitaria, responsable: gad-tulcan }\n  - { etapa: informacion_derechos, responsable: defensoria-carchi }",
    },
    comprobar: Comprobacion::Plan(comprobar_a021),
};

/// The route treats the smuggled migrant as an offender.
pub static A022: Regla = Regla {
    codigo: "A022",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Persona migrante tratada como infractora en la ruta",
    explicacion: Explicacion {
        que: "Que ninguna entrada de `ruta_trafico` haga esperar la asistencia a la denuncia (`requiere`, directamente o a través de otra etapa) ni describa detener, deportar, expulsar o sancionar a la persona migrante; esas palabras solo caben en una frase sobre quienes trafican.",
        por_que: "En el tráfico ilícito de migrantes el delito lo cometen quienes trafican: la persona migrante es objeto de protección, y el Protocolo contra el tráfico ilícito de migrantes no la persigue por haber sido objeto de tráfico. Una ruta que la detiene o la sanciona la aleja de la ayuda y de la justicia.",
        incorrecto: "- etapa: deteccion\n  responsable: policia-tulcan\n  descripcion: Se detiene a los migrantes y se los pone a órdenes de Migración para su deportación.",
        correcto: "- etapa: deteccion\n  responsable: policia-tulcan\n  descripcion: Se pone a salvo a la persona, se le explica que no ha cometido un delito y se la deriva a la asistencia humanitaria; se detiene a los traficantes.",
    },
    comprobar: Comprobacion::Plan(comprobar_a022),
};

fn comprobar_c022(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (i, r) in ctx.plan.riesgos.iter().enumerate() {
        if r.es_trafico() && !r.fines.is_empty() {
            out.push(Hallazgo::en(
                path!["riesgos", i, "fines"],
                format!(
                    "el riesgo {} es de tráfico ilícito de migrantes pero nombra fines de explotación",
                    r.id
                ),
                "Quite `fines`: el tráfico no tiene fin de explotación. Si en el trayecto o al llegar se explota a las personas, escriba además un riesgo de trata con esos fines.",
            ));
        } else if !r.es_trafico() && r.fines.is_empty() {
            out.push(Hallazgo::clave(
                path!["riesgos", i],
                format!("el riesgo de trata {} no dice con qué fin se explotaría a las víctimas", r.id),
                "Agregue `fines:` (por ejemplo `fines: [explotacion_laboral]`); si el riesgo es de cobrar por hacer cruzar una frontera de forma irregular, escriba `tipo: trafico_migrantes`.",
            ));
        }
    }
    out
}

fn comprobar_a019(ctx: &Contexto) -> Vec<Hallazgo> {
    let pasos = &ctx.referencia.pasos_fronterizos.valores;
    if pasos.is_empty() || ctx.plan.riesgos.iter().any(|r| r.es_trafico()) {
        return Vec::new();
    }
    let dpa = Dpa::get();
    let canton = &ctx.plan.canton;
    let propios: Vec<String> = pasos
        .iter()
        .filter(|p| p.canton == canton.codigo)
        .map(|p| {
            let estado = if p.habilitado {
                "habilitado"
            } else {
                "no habilitado"
            };
            format!("{} ({estado}, hacia {})", p.nombre, p.pais)
        })
        .collect();
    let de_la_provincia: Vec<String> = pasos
        .iter()
        .filter(|p| {
            dpa.by_code(&p.canton)
                .is_some_and(|c| fold(&c.provincia) == fold(&canton.provincia))
        })
        .map(|p| p.nombre.clone())
        .collect();
    let donde = if !propios.is_empty() {
        format!(
            "{} tiene pasos fronterizos: {}",
            canton.nombre,
            propios.join("; ")
        )
    } else if !de_la_provincia.is_empty() {
        format!(
            "la provincia de {} tiene pasos fronterizos ({})",
            canton.provincia,
            de_la_provincia.join(", ")
        )
    } else {
        return Vec::new();
    };
    let path = if ctx.plan.riesgos.is_empty() {
        path!["canton"]
    } else {
        path!["riesgos"]
    };
    vec![Hallazgo::clave(
        path,
        format!("{donde}, y el plan no identifica riesgos de tráfico ilícito de migrantes"),
        "Si en el cantón se cobra por hacer cruzar la frontera de forma irregular, agregue un riesgo con `tipo: trafico_migrantes`, las acciones que lo atienden y la `ruta_trafico`; desde el 24 de diciembre de 2025 solo Rumichaca y Huaquillas están habilitados.",
    )]
}

fn comprobar_a020(ctx: &Contexto) -> Vec<Hallazgo> {
    ctx.plan
        .riesgos
        .iter()
        .enumerate()
        .filter(|(_, r)| r.es_trafico())
        .filter(|(_, r)| !ctx.plan.acciones.iter().any(|a| a.riesgos.contains(&r.id)))
        .map(|(i, r)| {
            Hallazgo::clave(
                path!["riesgos", i],
                format!(
                    "ninguna acción atiende el riesgo de tráfico ilícito de migrantes {} ({})",
                    r.id,
                    r.titulo.trim()
                ),
                format!(
                    "Agregue una acción con `riesgos: [{}]`: por ejemplo, información en los pasos y terminales, o formación para reconocer a una persona objeto de tráfico.",
                    r.id
                ),
            )
        })
        .collect()
}

fn comprobar_a021(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(trafico) = &ctx.referencia.trafico_migrantes else {
        return Vec::new();
    };
    let plan = ctx.plan;
    let riesgo = plan.riesgos.iter().position(|r| r.es_trafico());
    if riesgo.is_none() && plan.ruta_trafico.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let faltan: Vec<&str> = trafico
        .etapas_ruta
        .valores
        .iter()
        .filter(|e| e.obligatoria)
        .filter(|e| {
            !plan
                .ruta_trafico
                .iter()
                .any(|x| x.etapa == e.id && x.responsable.is_some())
        })
        .map(|e| e.nombre.as_str())
        .collect();
    if !faltan.is_empty() {
        let (path, por) = match riesgo {
            Some(i) => (
                path!["riesgos", i],
                format!(
                    "el plan identifica el riesgo de tráfico {}",
                    plan.riesgos[i].id
                ),
            ),
            None => (
                path!["ruta_trafico"],
                "el plan tiene una ruta de tráfico".to_owned(),
            ),
        };
        let nombres: Vec<String> = faltan.iter().map(|n| format!("«{n}»")).collect();
        out.push(Hallazgo::clave(
            path,
            format!(
                "{por}, pero la ruta para personas objeto de tráfico no dice quién responde en: {}",
                nombres.join(", ")
            ),
            format!(
                "Agregue a `ruta_trafico` una entrada por etapa con su `responsable` ({}).",
                lista(
                    &trafico
                        .etapas_ruta
                        .valores
                        .iter()
                        .filter(|e| e.obligatoria)
                        .map(|e| e.id.as_str())
                        .collect::<Vec<_>>()
                )
            ),
        ));
    }
    out
}

/// Whether `frase` speaks of the smugglers (where punitive words are right).
fn sobre_traficantes(frase: &str, palabras: &[String]) -> bool {
    let f = fold(frase);
    palabras.iter().any(|p| {
        let p = fold(p);
        f.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == p || (p.contains(' ') && f.contains(&p)))
    })
}

fn comprobar_a022(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(trafico) = &ctx.referencia.trafico_migrantes else {
        return Vec::new();
    };
    let etapas = &trafico.etapas_ruta;
    let ruta = &ctx.plan.ruta_trafico;
    let mut out = Vec::new();
    for (i, e) in ruta.iter().enumerate() {
        // Assistance that waits for the complaint, directly or through another stage.
        if let Some(etapa) = etapas.get(&e.etapa).filter(|x| !x.no_depende_de.is_empty()) {
            for (j, requerida) in e.requiere.iter().enumerate() {
                let mut visto = vec![requerida.as_str()];
                let mut pendientes = vec![requerida.as_str()];
                let mut espera = None;
                while let Some(s) = pendientes.pop() {
                    if etapa.no_depende_de.iter().any(|x| x == s) {
                        espera = Some(s);
                        break;
                    }
                    for x in ruta
                        .iter()
                        .filter(|x| x.etapa == s)
                        .flat_map(|x| &x.requiere)
                    {
                        if !visto.contains(&x.as_str()) {
                            visto.push(x);
                            pendientes.push(x);
                        }
                    }
                }
                if let Some(s) = espera {
                    out.push(Hallazgo::en(
                        path!["ruta_trafico", i, "requiere", j],
                        format!(
                            "la etapa «{}» espera a «{}»: la asistencia a la persona migrante no puede depender de que denuncie",
                            etapa.nombre,
                            etapas.nombre(s)
                        ),
                        format!("Quite `{requerida}` de `requiere`: la persona recibe asistencia haya denunciado o no."),
                    ));
                }
            }
        }
        // Words that treat the migrant as an offender, outside a sentence about the smugglers.
        let Some(texto) = e.descripcion.as_deref() else {
            continue;
        };
        let frase = texto
            .split(['.', ';', '\n'])
            .filter(|f| !sobre_traficantes(f, &trafico.sobre_traficantes))
            .find_map(|f| {
                let plegada = fold(f);
                trafico.trato_infractor.iter().find(|p| {
                    let p = fold(p);
                    plegada
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == p)
                        || (p.contains(' ') && plegada.contains(&p))
                })
            });
        if let Some(palabra) = frase {
            out.push(Hallazgo::en(
                path!["ruta_trafico", i, "descripcion"],
                format!(
                    "la etapa «{}» trata a la persona migrante como infractora («{palabra}»)",
                    etapas.nombre(&e.etapa)
                ),
                "La persona objeto de tráfico es objeto de protección, no acusada: describa lo que se hace por ella (ponerla a salvo, informarla, derivarla). Lo que se hace con quienes trafican va en una frase sobre ellos.",
            ));
        }
    }
    out
}
