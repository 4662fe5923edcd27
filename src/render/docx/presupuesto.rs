//! The budget and financing chapter: by axis, by source, and per year and per source split into
//! assigned, to be raised and not stated ([`crate::documento::presupuesto`]).

use docx_rs::Paragraph;

use super::ANCHO;
use super::escritor::{Escritor, texto};
use super::tabla::{Celda, celda_monto, celda_negrita, celda_texto, tabla_entera};
use crate::documento::Documento;
use crate::documento::presupuesto::FilaFinanciamiento;

pub(super) fn presupuesto(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.parrafo(
        Paragraph::new()
            .add_run(texto("El presupuesto referencial del plan es de "))
            .add_run(texto(&d.presupuesto.total_texto).bold())
            .add_run(texto(&format!(". {}", d.financiamiento.resumen))),
    );
    let montos = |xs: &[crate::documento::presupuesto::MontoDoc]| -> Vec<Vec<Celda>> {
        xs.iter()
            .map(|m| {
                vec![
                    celda_texto(&m.nombre),
                    celda_monto(&m.texto, false),
                    celda_texto(&m.porcentaje),
                ]
            })
            .collect()
    };
    e.seccion("Por eje");
    let mut filas = montos(&d.presupuesto.por_eje);
    filas.push(vec![
        celda_negrita("Total"),
        celda_monto(&d.presupuesto.total_texto, true),
        celda_texto(""),
    ]);
    e.tabla(tabla_entera(
        "Presupuesto por eje",
        &["Eje", "Monto", "Porcentaje"],
        filas,
        &[5, 3, 2],
        ANCHO,
    ));
    if !d.presupuesto.por_fuente.is_empty() {
        e.seccion("Por fuente de financiamiento");
        e.tabla(tabla_entera(
            "Presupuesto por fuente de financiamiento",
            &["Fuente", "Monto", "Porcentaje"],
            montos(&d.presupuesto.por_fuente),
            &[5, 3, 2],
            ANCHO,
        ));
    }
    let f = &d.financiamiento;
    // A row: its name, then its amounts, whose "USD" never parts from the figure.
    let fila = |x: &FilaFinanciamiento, negrita: bool| -> Vec<Celda> {
        let nombre = if negrita {
            celda_negrita(&x.nombre)
        } else {
            celda_texto(&x.nombre)
        };
        std::iter::once(nombre)
            .chain(
                [
                    &x.asignado,
                    &x.por_gestionar,
                    &x.sin_indicar,
                    &x.total_texto,
                ]
                .into_iter()
                .map(|t| celda_monto(t, negrita)),
            )
            .collect()
    };
    let filas = |xs: &[FilaFinanciamiento], totales: &FilaFinanciamiento| -> Vec<Vec<Celda>> {
        xs.iter()
            .map(|x| fila(x, false))
            .chain(std::iter::once(fila(totales, true)))
            .collect()
    };
    let columnas = |primera| [primera, "Asignado", "Por gestionar", "Sin indicar", "Total"];
    e.seccion("Financiamiento por año (estimación)");
    e.texto(&f.nota_anio);
    e.tabla(tabla_entera(
        "Financiamiento por año (estimación)",
        &columnas("Año"),
        filas(&f.por_anio, &f.totales_anio),
        &[2, 3, 3, 3, 3],
        ANCHO,
    ));
    e.seccion("Financiamiento por fuente");
    e.tabla(tabla_entera(
        "Financiamiento por fuente",
        &columnas("Fuente"),
        filas(&f.por_fuente, &f.totales),
        &[3, 3, 3, 3, 3],
        ANCHO,
    ));
    if !f.con_estado {
        e.texto("El plan no indica qué montos están asignados y cuáles están por gestionar (`presupuesto.asignado` en cada acción).");
    }
}
