//! The cover (crest, canton, state, approval, marks, and the table of contents), the page header
//! with its marks, the presentation with the drafting team, and the approval with its signature
//! block: the parts that [`crate::documento::portada`] prepares.

use docx_rs::{AlignmentType, BreakType, Header, Paragraph, Pic, Run};

use super::escritor::{Escritor, nombre_oficial, notas_de, parrafo_gris, texto};
use super::raster::Png;
use super::tabla::{celda_texto, tabla, tabla_entera};
use super::{ANCHO, AZUL, GRIS, MARCA};
use crate::documento::Documento;

/// Height of the crest on the cover and in the page header, in EMU (as in the PDF: 2.4 cm and
/// 0.8 cm).
pub(super) const ESCUDO_PORTADA: u32 = 24 * EMU_MM;
pub(super) const ESCUDO_CABECERA: u32 = 8 * EMU_MM;
/// English Metric Units in a millimetre.
pub(super) const EMU_MM: u32 = 36_000;

/// The crest `png` as an inline picture `alto` EMU high, its width in proportion, with its
/// alternative text `alt` («Escudo del cantón Ibarra»).
pub(super) fn imagen(alt: String, png: &Png, alto: u32) -> Pic {
    let ancho = (u64::from(alto) * u64::from(png.ancho) / u64::from(png.alto.max(1))) as u32;
    Pic::new_with_dimensions(png.bytes.clone(), png.ancho, png.alto)
        .id("rIdEscudo")
        .size(ancho, alto)
        .descr(alt)
}

/// The marks printed at the top of every page: BORRADOR while the plan is not approved, and
/// COPIA DE REVISIÓN in a review copy. The EJEMPLO mark of example plans goes here too.
pub(super) fn marcas(d: &Documento) -> Vec<String> {
    let mut out = Vec::new();
    if d.marca_ejemplo {
        out.push("EJEMPLO con datos ficticios".to_owned());
    }
    if d.marca_borrador {
        out.push(format!("BORRADOR — estado: {}", d.estado_texto));
    }
    if d.revision.is_some() {
        out.push("COPIA DE REVISIÓN".to_owned());
    }
    out
}

/// The page header: the crest (when the plan has one), the title and the marks.
pub(super) fn encabezado(d: &Documento, escudo: Option<&Png>) -> Header {
    let mut p = Paragraph::new().align(AlignmentType::Right);
    if let Some(e) = escudo {
        p = p.add_run(
            Run::new()
                .add_image(imagen(d.texto_escudo(), e, ESCUDO_CABECERA))
                .add_text("  "),
        );
    }
    let marcas = marcas(d);
    let titulo = format!(
        "Plan cantonal contra la trata de personas — {} ({})",
        d.canton.nombre, d.periodo.anios
    );
    p = p.add_run(texto(&titulo).size(16).color(GRIS));
    if !marcas.is_empty() {
        p = p.add_run(
            texto(&format!("   {}", marcas.join(" · ")))
                .size(16)
                .bold()
                .color("C00000"),
        );
    }
    let header = Header::new().add_paragraph(p);
    match marca_de_agua(d.marca_ejemplo, d.marca_borrador) {
        Some(m) => header.add_paragraph(m),
        None => header,
    }
}

/// The large marks across every page, as the PDF prints them on the page background: EJEMPLO
/// on an illustrative plan (`ejemplo`), BORRADOR on one not yet approved (`borrador`), one word
/// a line.
///
/// A paragraph of the header in a frame (`w:framePr`) centred on the page: header content lies
/// behind the body's text in Word and LibreOffice, it repeats on every page, and it stays text
/// (searchable, and removed by deleting one paragraph of the header). `docx-rs` cannot write
/// a rotated text box, so the words are horizontal.
pub(super) fn marca_de_agua(ejemplo: bool, borrador: bool) -> Option<Paragraph> {
    let palabras: Vec<&str> = [ejemplo.then_some("EJEMPLO"), borrador.then_some("BORRADOR")]
        .into_iter()
        .flatten()
        .collect();
    if palabras.is_empty() {
        return None;
    }
    // Horizontal, the words must fit the width of the text: 60 pt (in half-points).
    let tam = 120;
    Some(
        Paragraph::new()
            .align(AlignmentType::Center)
            .h_anchor("page")
            .v_anchor("page")
            .x_align("center")
            .y_align("center")
            .frame_width(ANCHO as u32)
            .wrap("none")
            .add_run(texto(&palabras.join("\n")).size(tam).bold().color(MARCA)),
    )
}

/// The cover: the canton's crest (when the plan has one), title, canton, state, approval, the
/// marks, and the table of contents.
pub(super) fn portada(e: &mut Escritor, d: &Documento, escudo: Option<&Png>) {
    if let Some(png) = escudo {
        e.parrafo(Paragraph::new().add_run(Run::new().add_image(imagen(
            d.texto_escudo(),
            png,
            ESCUDO_PORTADA,
        ))));
    }
    e.parrafo(parrafo_gris(
        &format!(
            "REPÚBLICA DEL ECUADOR · PROVINCIA DE {}",
            d.canton.provincia.to_uppercase()
        ),
        22,
    ));
    e.parrafo(
        Paragraph::new()
            .style("Title")
            .add_run(texto("Plan cantonal contra la trata de personas")),
    );
    e.parrafo(
        Paragraph::new().add_run(
            texto(&format!("Cantón {} · {}", d.canton.nombre, d.periodo.anios))
                .size(32)
                .bold(),
        ),
    );
    e.texto(&format!(
        "Gobierno Autónomo Descentralizado Municipal del cantón {}, provincia de {}. Alineado con el {}.",
        nombre_oficial(d),
        d.canton.provincia,
        d.referencia.nombre
    ));
    for m in marcas(d) {
        e.parrafo(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(texto(&m).size(40).bold().color("C00000")),
        );
    }
    if d.marca_ejemplo {
        e.parrafo(
            Paragraph::new()
                .add_run(texto("EJEMPLO ILUSTRATIVO").bold())
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(texto("Este plan es un ejemplo con datos ficticios, preparado para mostrar cómo se escribe un plan cantonal. Sus nombres, cifras, contactos y actos de aprobación no son reales.")),
        );
    }
    if let Some(r) = &d.revision {
        e.texto(&format!(
            "Observaciones de {}, {}: {}, {}. Cada una es un comentario de Word junto al elemento que observa; la lista completa está al final.",
            r.revisor, r.fecha, r.abiertas_texto, r.resueltas_texto
        ));
    }
    let mut filas = vec![
        vec![
            celda_texto("Cantón"),
            celda_texto(&format!(
                "{} (código DPA {})",
                nombre_oficial(d),
                d.canton.codigo
            )),
        ],
        vec![celda_texto("Provincia"), celda_texto(&d.canton.provincia)],
        vec![
            celda_texto("Período"),
            celda_texto(&format!("Del {} al {}", d.periodo.inicio, d.periodo.fin)),
        ],
        vec![celda_texto("Estado"), celda_texto(d.estado_texto)],
    ];
    if let Some(a) = &d.aprobacion {
        filas.push(vec![
            celda_texto("Aprobación"),
            celda_texto(&format!(
                "{} N.º {} del {}, {}",
                a.instrumento, a.numero, a.organo, a.fecha
            )),
        ]);
    }
    if let Some(el) = &d.elaboracion {
        filas.push(vec![celda_texto("Elaboración"), celda_texto(&el.fecha)]);
    }
    e.tabla(tabla_entera(
        "Datos del plan",
        &["Dato", "Valor"],
        filas,
        &[1, 3],
        ANCHO,
    ));
    // Not a heading: the index does not list itself. The table of contents follows, written
    // once every heading is known (super::escribir).
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Índice").size(26).bold().color(AZUL))
            .page_break_before(true),
    );
    e.indice_en = Some(e.docx.document.children.len());
}

pub(super) fn presentacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.presentacion.as_slice()));
    match &d.presentacion {
        Some(p) => e.md(p),
        None => e.texto(&format!(
            "El GAD Municipal del cantón {} presenta su plan cantonal contra la trata de personas para el período {}.",
            nombre_oficial(d),
            d.periodo.anios
        )),
    }
    if let Some(el) = &d.elaboracion
        && !el.equipo.is_empty()
    {
        e.seccion("Equipo de elaboración");
        let filas = el
            .equipo
            .iter()
            .map(|[n, c, i]| vec![celda_texto(n), celda_texto(c), celda_texto(i)])
            .collect();
        e.tabla(tabla(
            "Equipo de elaboración",
            &["Nombre", "Cargo", "Institución"],
            filas,
            &[2, 2, 3],
            ANCHO,
        ));
    }
}

/// The approval: its legal basis, the act (or that the plan is presented for approval), and the
/// signature block with a line to sign for each signatory.
pub(super) fn aprobacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Base legal.").bold())
            .add_run(texto(&format!(" {}", d.base_legal.introduccion))),
    );
    for n in &d.base_legal.normas {
        e.vineta(vec![texto(n)]);
    }
    e.texto(&d.acto);
    for f in &d.firmas {
        // Room to sign, the line, the name (when the plan gives it) and the role, kept together.
        e.parrafo(Paragraph::new().keep_next(true).add_run(texto("\n\n")));
        e.parrafo(
            Paragraph::new()
                .keep_next(true)
                .add_run(texto("________________________________________")),
        );
        if !f.nombre.is_empty() {
            e.parrafo(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(texto(&f.nombre).bold()),
            );
        }
        e.texto(&f.cargo);
    }
    for c in &d.certificados {
        e.parrafo(Paragraph::new().keep_next(true).add_run(texto("\n")));
        e.parrafo(
            Paragraph::new()
                .keep_next(c.firma.is_some())
                .add_run(texto(&format!("{}.", c.titulo)).bold())
                .add_run(texto(&format!(" {}", c.texto))),
        );
        if let Some(f) = &c.firma {
            e.parrafo(Paragraph::new().keep_next(true).add_run(texto("\n\n")));
            e.parrafo(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(texto("________________________________________")),
            );
            if !f.nombre.is_empty() {
                e.parrafo(
                    Paragraph::new()
                        .keep_next(true)
                        .add_run(texto(&f.nombre).bold()),
                );
            }
            e.texto(&f.cargo);
        }
    }
}
