//! The diagnosis chapter: context, cases by year, the risk matrix and the table of risks
//! ([`crate::documento::diagnostico`]).

use docx_rs::{Paragraph, Shading};

use super::escritor::{Escritor, notas_de, parrafo_gris, texto};
use super::tabla::{celda, celda_negrita, celda_texto, tabla, tabla_con};
use super::{ANCHO, GRIS, TAM};
use crate::documento::Documento;

pub(super) fn diagnostico(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.diagnostico.as_slice()));
    if let Some(c) = &d.diagnostico.contexto {
        e.md(c);
    }
    if !d.diagnostico.casos.is_empty() {
        e.seccion("Casos registrados");
        let filas = d
            .diagnostico
            .casos
            .iter()
            .map(|c| {
                vec![
                    celda_texto(&c.anio.to_string()),
                    celda_texto(&c.casos.to_string()),
                    celda_texto(&c.fuente),
                ]
            })
            .collect();
        e.tabla(tabla(
            "Casos registrados por año",
            &["Año", "Casos", "Fuente"],
            filas,
            &[1, 1, 4],
            ANCHO,
        ));
    }
    e.seccion("Riesgos identificados");
    let notas = notas_de(d, |r| r.secciones.riesgos.as_slice());
    if !notas.is_empty() {
        let p = e.anclar(Paragraph::new(), notas, |p| {
            p.add_run(texto("Observaciones sobre los riesgos en su conjunto.").color(GRIS))
        });
        e.parrafo(p);
    }
    if d.riesgos.is_empty() {
        e.texto("El plan no registra riesgos específicos.");
        return;
    }
    e.texto("La matriz ubica cada riesgo según su probabilidad y su impacto.");
    let filas = d
        .matriz_riesgos
        .iter()
        .map(|fila| {
            let mut celdas = vec![celda_negrita(fila.first().map_or("", |c| c.probabilidad))];
            celdas.extend(fila.iter().map(|c| {
                celda_texto(&c.riesgos.join(", ")).shading(Shading::new().fill(match c.nivel {
                    6.. => "F4B183",
                    3..=5 => "FFE699",
                    _ => "C5E0B3",
                }))
            }));
            celdas
        })
        .collect();
    e.tabla(tabla(
        "Matriz de riesgos por probabilidad e impacto",
        &[
            "Probabilidad",
            "Impacto bajo",
            "Impacto medio",
            "Impacto alto",
        ],
        filas,
        &[1, 1, 1, 1],
        ANCHO,
    ));
    e.parrafo(Paragraph::new());
    let mut filas = Vec::new();
    for r in &d.riesgos {
        let id = e.anclar_negrita(&r.id, &r.notas, TAM);
        let mut riesgo = vec![Paragraph::new().add_run(texto(&r.titulo))];
        if !r.zonas.is_empty() {
            riesgo.push(parrafo_gris(&r.zonas.join(", "), 17));
        }
        if let Some(desc) = &r.descripcion {
            riesgo.extend(e.bloques(desc, 0));
        }
        filas.push(vec![
            celda(vec![id]),
            celda(riesgo),
            celda_texto(&r.fines_texto),
            celda_texto(&r.poblaciones_texto),
            celda_texto(r.probabilidad),
            celda_texto(r.impacto),
            celda_texto(&r.acciones.join(", ")),
        ]);
    }
    // Seven columns on a portrait page: the header in 9 pt leaves the risk's own column room.
    e.tabla(tabla_con(
        "Riesgos identificados",
        &[
            "Id",
            "Riesgo",
            "Fines de explotación",
            "Poblaciones",
            "Prob.",
            "Impacto",
            "Acciones",
        ],
        filas,
        &[2, 6, 4, 4, 2, 2, 2],
        ANCHO,
        18,
    ));
}
