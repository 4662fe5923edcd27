//! The strategic chapters: axes and objectives (with the PDOT alignment), the action matrix in
//! its landscape section, the schedule, and the alignment with the national plan
//! ([`crate::documento::estrategia`]).

use docx_rs::{IndentLevel, NumberingId, Paragraph, Shading};

use super::escritor::{Escritor, notas_de, o, o_lista, parrafo_gris, texto};
use super::tabla::{celda_con, celda_negrita, celda_texto, tabla, tabla_con};
use super::{ANCHO, ANCHO_APAISADO, AZUL_CLARO, GRIS, TAM, VINETAS};
use crate::documento::Documento;

pub(super) fn marco_estrategico(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.estrategia.as_slice()));
    if let Some(og) = &d.objetivo_general {
        e.seccion("Objetivo general");
        e.md(og);
    }
    e.seccion("Ejes y objetivos");
    for eje in &d.ejes {
        e.titulo3(&format!("Eje: {}", eje.nombre));
        e.parrafo(parrafo_gris(&eje.descripcion, TAM));
        for ob in &eje.objetivos {
            let p = e.anclar(
                Paragraph::new().numbering(NumberingId::new(VINETAS), IndentLevel::new(0)),
                &ob.notas,
                |p| {
                    p.add_run(texto(&format!("{}.", ob.id)).bold())
                        .add_run(texto(&format!(" {}", ob.descripcion)))
                        .add_run(
                            texto(&format!(" (acciones: {})", o_lista(&ob.acciones))).color(GRIS),
                        )
                },
            );
            e.parrafo(p);
        }
    }
    if let Some(pdot) = &d.pdot {
        e.seccion(&format!("Alineación con el {}", pdot.nombre));
        let filas = pdot
            .objetivos
            .iter()
            .map(|p| {
                vec![
                    celda_texto(&p.objetivo),
                    celda_texto(&p.contribuyen.join("\n")),
                ]
            })
            .collect();
        e.tabla(tabla(
            &format!("Alineación con el {}", pdot.nombre),
            &[
                "Objetivo del PDOT",
                "Objetivos de este plan que contribuyen",
            ],
            filas,
            &[4, 5],
            ANCHO,
        ));
    }
}

pub(super) fn matriz_acciones(e: &mut Escritor, d: &Documento) {
    e.apaisar();
    e.capitulo(notas_de(d, |r| r.secciones.acciones.as_slice()));
    // The matrix is wide: its text is 8 pt, its second lines 7 pt.
    let celda = |t: &str, detalle: &str| celda_con(t, detalle, 16, 14);
    let mut filas = Vec::new();
    for a in &d.acciones {
        let id = e.anclar_negrita(&a.id, &a.notas, 16);
        let riesgos = if a.riesgos.is_empty() {
            String::new()
        } else {
            format!("Riesgos: {}", a.riesgos.join(", "))
        };
        let con = if a.corresponsables.is_empty() {
            String::new()
        } else {
            format!("Con: {}", a.corresponsables.join(", "))
        };
        let unidad = if a.unidad.is_empty() {
            String::new()
        } else {
            format!("({})", a.unidad)
        };
        filas.push(vec![
            super::tabla::celda(vec![id]),
            celda(&a.eje_nombre, &a.objetivo),
            celda(&a.descripcion, &riesgos),
            celda(&a.responsable, &con),
            celda(&a.indicador, &unidad),
            celda(&a.linea_base, ""),
            celda(&a.meta, ""),
            celda(&a.medio_verificacion, ""),
            celda(&format!("{} a", a.inicio), &a.fin),
            celda(&a.monto_texto, &a.fuente),
        ]);
    }
    e.tabla(tabla_con(
        "Matriz de acciones",
        &[
            "Id",
            "Eje / objetivo",
            "Acción",
            "Responsable",
            "Indicador",
            "Línea base",
            "Meta",
            "Medio de verificación",
            "Plazo",
            "Presupuesto",
        ],
        filas,
        &[5, 11, 18, 12, 14, 6, 6, 11, 10, 12],
        ANCHO_APAISADO,
        16,
    ));
    e.enderezar();
}

pub(super) fn cronograma(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto(&format!(
        "Ejecución de cada acción a lo largo del período {}, agrupada por eje.",
        d.periodo.anios
    ));
    let fila = |a: &crate::documento::estrategia::AccionDoc| {
        vec![
            celda_negrita(&a.id),
            celda_texto(&a.descripcion),
            celda_texto(&a.inicio),
            celda_texto(&a.fin),
        ]
    };
    let mut filas = Vec::new();
    for (i, eje) in d.ejes.iter().enumerate() {
        let del_eje: Vec<_> = d
            .acciones
            .iter()
            .filter(|a| a.eje_numero == i + 1)
            .collect();
        if del_eje.is_empty() {
            continue;
        }
        filas.push(vec![
            celda_negrita(&eje.nombre)
                .grid_span(4)
                .shading(Shading::new().fill(AZUL_CLARO)),
        ]);
        filas.extend(del_eje.into_iter().map(fila));
    }
    filas.extend(d.acciones.iter().filter(|a| a.eje_numero == 0).map(fila));
    e.tabla(tabla(
        "Cronograma",
        &["Id", "Acción", "Desde", "Hasta"],
        filas,
        &[1, 6, 2, 2],
        ANCHO,
    ));
}

pub(super) fn alineacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.seccion("Cobertura de los ejes");
    let filas = d
        .ejes
        .iter()
        .map(|x| {
            vec![
                celda_texto(&x.nombre),
                celda_texto(&x.objetivos.len().to_string()),
                celda_texto(&x.num_acciones.to_string()),
                celda_texto(&x.monto_texto),
                if x.cubierto {
                    celda_texto("Sí")
                } else {
                    celda_negrita("No")
                },
            ]
        })
        .collect();
    e.tabla(tabla(
        "Cobertura de los ejes",
        &["Eje", "Objetivos", "Acciones", "Presupuesto", "Cubierto"],
        filas,
        &[4, 1, 1, 2, 1],
        ANCHO,
    ));
    e.seccion("Cobertura de la ruta de atención");
    let filas = d
        .ruta_atencion
        .iter()
        .map(|x| {
            vec![
                celda_texto(&x.nombre),
                celda_texto(o(&x.poblacion)),
                celda_texto(if x.obligatoria { "Sí" } else { "No" }),
                celda_texto(o(&x.responsable)),
                celda_texto(o(&x.plazo)),
            ]
        })
        .collect();
    e.tabla(tabla(
        "Cobertura de la ruta de atención",
        &["Etapa", "Población", "Obligatoria", "Responsable", "Plazo"],
        filas,
        &[3, 2, 1, 3, 1],
        ANCHO,
    ));
}
