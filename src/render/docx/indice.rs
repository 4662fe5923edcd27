//! The table of contents, written filled: one paragraph per chapter and section with its title
//! as a link to its heading, inside Word's TOC field.
//!
//! Word and LibreOffice show the entries of a TOC field as they were written until the field is
//! updated, so the index reads right when the file is opened. Page numbers are only known once a
//! program has laid the pages out, and a number written now would be a guess: the entries are
//! written without them, and Word, which is asked to update the field on opening (it is marked
//! dirty), rewrites the index with its numbers, as LibreOffice does with «Actualizar índice».
//! Each part of the field (its start, its instruction, the separator, its end) goes in a run of
//! its own, as Word writes them: LibreOffice shows the instruction as text when they share one.

use docx_rs::{FieldCharType, Hyperlink, HyperlinkType, InstrText, InstrToC, Paragraph, Run};

use super::escritor::{Entrada, texto};

/// The paragraphs of the table of contents of `entradas`.
pub(super) fn parrafos(entradas: &[Entrada]) -> Vec<Paragraph> {
    let campo = |t: FieldCharType| Run::new().add_field_char(t, false);
    let mut out = Vec::new();
    for (i, e) in entradas.iter().enumerate() {
        let mut p = Paragraph::new().style(if e.nivel == 1 { "TOC1" } else { "TOC2" });
        if i == 0 {
            p = p
                .add_run(Run::new().add_field_char(FieldCharType::Begin, true))
                .add_run(Run::new().add_instr_text(InstrText::TOC(
                    InstrToC::new().heading_styles_range(1, 2).hyperlink(),
                )))
                .add_run(campo(FieldCharType::Separate));
        }
        out.push(p.add_hyperlink(
            Hyperlink::new(&e.marcador, HyperlinkType::Anchor).add_run(texto(&e.texto)),
        ));
    }
    out.push(Paragraph::new().add_run(campo(FieldCharType::End)));
    out
}
