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
}

pub(super) fn marco_normativo(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto("Este plan se inscribe en el marco legal y de política pública nacional contra la trata de personas. Las fuentes de cada afirmación de la referencia nacional se detallan en el anexo «Fuentes».");
    for n in &d.marco_normativo {
        let mut runs = vec![texto(&n.titulo).bold()];
        if !n.detalle.is_empty() {
            runs.push(texto(&format!(" — {}", n.detalle)).color(GRIS));
        }
        e.vineta(runs);
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
        &["Fuente", "Autor y fecha", "Sustenta"],
        filas,
        &[4, 3, 4],
        ANCHO,
    ));
}
