//! A plan's progress report in Word ([`crate::documento::avance`]): the chapters of its PDF in
//! the same order and with the same titles ([`CAPITULOS`], written by [`capitulos`]), with the
//! plan's Word writer — headings in Word's heading styles, the table of contents written
//! filled, tables with their title and a header row repeated on every page, the action table on
//! landscape pages — and the charts as pictures with their alternative text and a caption
//! ([`grafico`]).

mod capitulos;
mod grafico;

use docx_rs::{AlignmentType, BreakType, Header, Paragraph, Run};

use super::escritor::{Escritor, parrafo_gris, texto};
use super::portada::{ESCUDO_CABECERA, ESCUDO_PORTADA, imagen, marca_de_agua};
use super::raster::{self, Png};
use super::tabla::{celda_texto, tabla_entera};
use super::{ANCHO, AZUL, GRIS};
use crate::documento::avance::{Avance, TITULO};

/// A chapter of the progress report.
type Capitulo = fn(&mut Escritor, &Avance);

/// The chapters, in the order of the PDF (`templates/avance.typ`), with their titles.
pub const CAPITULOS: &[(&str, Capitulo)] = &[
    ("Resumen", capitulos::resumen),
    ("Avance de las acciones", capitulos::acciones),
    ("Ejecución del presupuesto", capitulos::ejecucion),
    ("Acciones atrasadas", capitulos::atrasadas),
    ("Evidencias", capitulos::evidencias),
    ("Rendición de cuentas", capitulos::rendicion),
    ("Ruta de atención a víctimas", capitulos::ruta),
    ("Cortes del seguimiento", capitulos::cortes),
];

/// The Word document of the progress report `a`.
pub(super) fn escribir(a: &Avance) -> docx_rs::Docx {
    let escudo = a.escudo.as_ref().and_then(raster::escudo_png);
    let mut e = Escritor::new(
        CAPITULOS.iter().map(|(t, _)| (*t).to_owned()).collect(),
        encabezado(a, escudo.as_ref()),
        (&a.titulo(), &a.autor()),
    );
    portada(&mut e, a, escudo.as_ref());
    for (_, capitulo) in CAPITULOS {
        capitulo(&mut e, a);
    }
    e.cerrar(&format!(
        "Informe generado por cantonal el {} a partir del plan y de su archivo de seguimiento.",
        a.fecha_documento
    ))
}

/// The alternative text of the canton's crest.
fn texto_escudo(a: &Avance) -> String {
    format!("Escudo del cantón {}", a.canton.nombre)
}

/// The marks printed at the top of every page and on the cover.
fn marcas(a: &Avance) -> Vec<String> {
    let mut out = Vec::new();
    if a.marca_ejemplo {
        out.push("EJEMPLO con datos ficticios".to_owned());
    }
    if a.marca_borrador {
        out.push(format!("BORRADOR — estado del plan: {}", a.estado_plan));
    }
    out
}

/// The page header: the crest, the title with the cut, and the marks.
fn encabezado(a: &Avance, escudo: Option<&Png>) -> Header {
    let mut p = Paragraph::new().align(AlignmentType::Right);
    if let Some(png) = escudo {
        p = p.add_run(
            Run::new()
                .add_image(imagen(texto_escudo(a), png, ESCUDO_CABECERA))
                .add_text("  "),
        );
    }
    p = p.add_run(
        texto(&format!(
            "Informe de avance — {} ({}) · corte al {}",
            a.canton.nombre, a.periodo.anios, a.corte.fecha_texto
        ))
        .size(16)
        .color(GRIS),
    );
    let marcas = marcas(a);
    if !marcas.is_empty() {
        p = p.add_run(
            texto(&format!("   {}", marcas.join(" · ")))
                .size(16)
                .bold()
                .color("C00000"),
        );
    }
    let header = Header::new().add_paragraph(p);
    match marca_de_agua(a.marca_ejemplo, a.marca_borrador) {
        Some(m) => header.add_paragraph(m),
        None => header,
    }
}

/// The cover: crest, title, canton and cut, the plan's traffic light, the marks, the report's
/// data, and the place of the table of contents.
fn portada(e: &mut Escritor, a: &Avance, escudo: Option<&Png>) {
    if let Some(png) = escudo {
        e.parrafo(Paragraph::new().add_run(Run::new().add_image(imagen(
            texto_escudo(a),
            png,
            ESCUDO_PORTADA,
        ))));
    }
    e.parrafo(parrafo_gris(
        &format!(
            "REPÚBLICA DEL ECUADOR · PROVINCIA DE {}",
            a.canton.provincia.to_uppercase()
        ),
        22,
    ));
    e.parrafo(Paragraph::new().style("Title").add_run(texto(TITULO)));
    e.parrafo(
        Paragraph::new().add_run(
            texto(&format!(
                "Cantón {} · {} · corte al {}",
                a.canton.nombre, a.periodo.anios, a.corte.fecha_texto
            ))
            .size(28)
            .bold(),
        ),
    );
    let nombre = a
        .canton
        .nombre_oficial
        .as_deref()
        .unwrap_or(&a.canton.nombre);
    e.texto(&format!(
        "Gobierno Autónomo Descentralizado Municipal del cantón {nombre}, provincia de {}.",
        a.canton.provincia
    ));
    if let Some(s) = &a.resumen.plan {
        e.parrafo(
            Paragraph::new()
                .add_run(texto("Semáforo del plan: ").bold())
                .add_run(texto(s.nombre).bold().color(capitulos::color(s.color)))
                .add_run(texto(&format!(
                    " — {}; {}. Ejecutado: {} de {} ({}).",
                    s.texto,
                    a.resumen.atrasadas_texto,
                    a.ejecucion.total.ejecutado_texto,
                    a.ejecucion.total.presupuesto_texto,
                    a.ejecucion.total.porcentaje
                ))),
        );
    }
    for m in marcas(a) {
        e.parrafo(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(texto(&m).size(40).bold().color("C00000")),
        );
    }
    if a.marca_ejemplo {
        e.parrafo(
            Paragraph::new()
                .add_run(texto("EJEMPLO ILUSTRATIVO").bold())
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(texto("Este informe de avance es un ejemplo con datos ficticios, preparado para mostrar cómo se da seguimiento a un plan cantonal. Sus cifras, evidencias, dificultades y actos de aprobación no son reales.")),
        );
    }
    let mut filas = vec![
        vec![
            celda_texto("Cantón"),
            celda_texto(&format!("{nombre} (código DPA {})", a.canton.codigo)),
        ],
        vec![celda_texto("Provincia"), celda_texto(&a.canton.provincia)],
        vec![
            celda_texto("Período del plan"),
            celda_texto(&format!("Del {} al {}", a.periodo.inicio, a.periodo.fin)),
        ],
        vec![celda_texto("Estado del plan"), celda_texto(a.estado_plan)],
    ];
    if let Some(ap) = &a.aprobacion {
        filas.push(vec![
            celda_texto("Aprobación"),
            celda_texto(&format!(
                "{} N.º {} del {}, {}",
                ap.instrumento, ap.numero, ap.organo, ap.fecha
            )),
        ]);
    }
    filas.push(vec![
        celda_texto("Corte"),
        celda_texto(&a.corte.fecha_texto),
    ]);
    filas.push(vec![celda_texto("Informa"), celda_texto(&a.corte.informa)]);
    filas.push(vec![
        celda_texto("Alineado con"),
        celda_texto(&a.referencia),
    ]);
    e.tabla(tabla_entera(
        "Datos del informe de avance",
        &["Dato", "Valor"],
        filas,
        &[1, 3],
        ANCHO,
    ));
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Índice").size(26).bold().color(AZUL))
            .page_break_before(true),
    );
    e.indice_en = Some(e.docx.document.children.len());
}
