//! The chapters of the national frame: acronyms, introduction, conceptual and legal framework,
//! approaches, glossary and the annex of sources ([`crate::documento::marco`]).

use super::escritor::{Escritor, texto};
use super::tabla::{celda_texto, tabla};
use super::{ANCHO, GRIS};
use crate::documento::Documento;

pub(super) fn siglas(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    let filas = d
        .siglas
        .iter()
        .map(|s| vec![celda_texto(&s.siglas), celda_texto(&s.significado)])
        .collect();
    e.tabla(tabla(
        "Siglas y abreviaturas",
        &["Siglas", "Significado"],
        filas,
        &[1, 4],
        ANCHO,
    ));
}

pub(super) fn introduccion(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    match &d.introduccion {
        Some(i) => e.md(i),
        None => e.texto(&format!(
            "La trata de personas es un delito que vulnera la dignidad y la libertad de quienes la sufren. Este plan organiza lo que el cantón {} hará entre el {} y el {} para prevenirla, proteger a las víctimas, apoyar la investigación y coordinar a sus instituciones, en línea con el {}.",
            d.canton.nombre, d.periodo.inicio, d.periodo.fin, d.referencia.nombre_corto
        )),
    }
    e.texto("El documento presenta el marco conceptual y normativo, el diagnóstico y los riesgos del cantón, sus actores, el marco estratégico con la matriz de acciones y su cronograma, la ruta de atención a víctimas, el presupuesto y su financiamiento, el seguimiento y la evaluación, y el acto de aprobación.");
}

pub(super) fn marco_conceptual(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.seccion("La trata de personas");
    e.texto(&d.marco_conceptual.trata);
    if !d.marco_conceptual.fines.is_empty() {
        e.seccion("Formas de explotación presentes en los riesgos del cantón");
        for t in &d.marco_conceptual.fines {
            e.dato(&t.termino, &t.definicion);
        }
    }
    if !d.marco_conceptual.trafico.is_empty() {
        e.seccion("El tráfico ilícito de migrantes");
        e.texto(&d.marco_conceptual.trafico);
        if !d.marco_conceptual.diferencias.is_empty() {
            let filas = d
                .marco_conceptual
                .diferencias
                .iter()
                .map(|x| {
                    vec![
                        celda_texto(&x.aspecto),
                        celda_texto(&x.trata),
                        celda_texto(&x.trafico),
                    ]
                })
                .collect();
            e.tabla(tabla(
                "Trata de personas y tráfico ilícito de migrantes",
                &[
                    "Aspecto",
                    "Trata de personas",
                    "Tráfico ilícito de migrantes",
                ],
                filas,
                &[1, 2, 2],
                ANCHO,
            ));
        }
    }
}

pub(super) fn marco_normativo(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto("Este plan se inscribe en el marco legal y de política pública nacional contra la trata de personas y el tráfico ilícito de migrantes. Lo que cada norma establece se resume con palabras de este plan, no como cita; las fuentes de cada dato se detallan en el anexo «Fuentes».");
    for (titulo, normas) in [
        ("Normas", &d.marco_normativo.normas),
        (
            "Política pública, protocolos e instrumentos",
            &d.marco_normativo.instrumentos,
        ),
    ] {
        e.seccion(titulo);
        for n in normas {
            let mut runs = vec![texto(&n.titulo).bold()];
            if !n.detalle.is_empty() {
                runs.push(texto(&format!(" — {}", n.detalle)).color(GRIS));
            }
            runs.push(texto(&format!(". {}", n.establece)));
            e.vineta(runs);
        }
    }
}

pub(super) fn principios(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    let Some(p) = &d.principios else {
        e.texto("La referencia nacional no enumera principios.");
        return;
    };
    e.texto(&p.introduccion);
    for t in &p.valores {
        e.dato(&t.termino, &t.definicion);
    }
}

pub(super) fn enfoques(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto(&format!(
        "El plan adopta los enfoques del {}, que orientan cada acción y la atención a las víctimas:",
        d.referencia.nombre_corto
    ));
    for x in &d.referencia.enfoques {
        e.vineta(vec![texto(x)]);
    }
}

pub(super) fn glosario(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    for t in &d.glosario {
        e.dato(&t.termino, &t.definicion);
    }
}

pub(super) fn fuentes(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto("Las afirmaciones de la referencia nacional con la que se verificó el plan descansan en estas fuentes.");
    e.texto("Lo que una fuente marcada «en parte» dice (prensa, una reproducción secundaria o solo su sentido) no se imprime en el plan como cierto: se atribuye a ella.");
    let filas = d
        .fuentes
        .iter()
        .map(|f| {
            vec![
                celda_texto(&f.titulo),
                celda_texto(if f.detalle.is_empty() {
                    "—"
                } else {
                    &f.detalle
                }),
                celda_texto(&if f.tipo.is_empty() {
                    "—".to_owned()
                } else if f.verificacion.is_empty() {
                    f.tipo.clone()
                } else {
                    format!("{} ({})", f.tipo, f.verificacion)
                }),
                celda_texto(if f.sustenta.is_empty() {
                    "—"
                } else {
                    &f.sustenta
                }),
            ]
        })
        .collect();
    e.tabla(tabla(
        "Fuentes de la referencia nacional",
        &["Fuente", "Autor y fecha", "Tipo", "Sustenta"],
        filas,
        &[4, 3, 2, 4],
        ANCHO,
    ));
}
