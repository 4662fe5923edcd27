//! The chapters of the progress report in Word, each from its part of
//! [`crate::documento::avance`], as `templates/avance.typ` prints them.

use docx_rs::Paragraph;

use super::super::escritor::{Escritor, parrafo_gris, texto};
use super::super::tabla::{
    Celda, celda_con, celda_monto, celda_negrita, celda_texto, tabla, tabla_con,
};
use super::super::{ANCHO, ANCHO_APAISADO, TAM};
use super::grafico::{color_eje, grafico};
use crate::documento::avance::Avance;
use crate::documento::avance::ejecucion::FilaEjecucion;
use crate::documento::avance::rendicion::FilaRendicion;
use crate::documento::avance::resumen::SemaforoDoc;

/// The text colour of a traffic light, as in the PDF.
pub(super) fn color(semaforo: &str) -> &'static str {
    match semaforo {
        "verde" => "1B5E20",
        "amarillo" => "7A5C00",
        _ => "A93226",
    }
}

/// A cell with the name of a traffic light in its colour, or a dash.
fn celda_semaforo(s: Option<&SemaforoDoc>) -> Celda {
    match s {
        Some(s) => super::super::tabla::celda(vec![
            Paragraph::new().add_run(texto(s.nombre).bold().color(color(s.color))),
        ]),
        None => celda_texto("—"),
    }
}

pub(super) fn resumen(e: &mut Escritor, a: &Avance) {
    e.capitulo(&[]);
    let r = &a.resumen;
    e.texto(&format!(
        "Estado del plan al {}, según lo que informa {}.",
        a.corte.fecha_texto, a.corte.informa
    ));
    if let Some(s) = &r.plan {
        e.parrafo(
            Paragraph::new()
                .add_run(texto("Plan: ").bold())
                .add_run(texto(s.nombre).bold().color(color(s.color)))
                .add_run(texto(&format!(" — {}.", s.texto))),
        );
    }
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Cómo se lee el semáforo. ").bold())
            .add_run(texto(r.regla)),
    );
    e.seccion("Semáforo por eje");
    let filas = r
        .por_eje
        .iter()
        .map(|x| {
            vec![
                celda_texto(&x.nombre),
                celda_semaforo(x.semaforo.as_ref()),
                celda_texto(x.semaforo.as_ref().map_or("—", |s| s.texto.as_str())),
                celda_texto(if x.ids.is_empty() { "—" } else { &x.ids }),
            ]
        })
        .collect();
    e.tabla(tabla(
        "Semáforo por eje",
        &["Eje", "Semáforo", "Acciones a tiempo", "Acciones"],
        filas,
        &[4, 2, 4, 2],
        ANCHO,
    ));
    e.seccion("Acciones por estado");
    let filas = r
        .por_estado
        .iter()
        .map(|c| vec![celda_texto(c.estado), celda_texto(&c.acciones.to_string())])
        .collect();
    e.tabla(tabla(
        "Acciones por estado",
        &["Estado", "Acciones"],
        filas,
        &[3, 1],
        ANCHO,
    ));
    e.seccion("Avance de cada acción");
    e.texto("El avance es el camino recorrido por el indicador de cada acción desde su línea base hasta su meta; una acción cumplida sin cifras del indicador cuenta el 100 %.");
    let filas = a
        .acciones
        .iter()
        .map(|x| {
            vec![
                celda_negrita(&x.id),
                celda_texto(&x.avance.texto),
                celda_con(&x.avance.calculo, "", TAM, TAM),
            ]
        })
        .collect();
    e.tabla(tabla(
        "Avance de cada acción",
        &["Acción", "Avance", "Cómo se calcula"],
        filas,
        &[1, 1, 5],
        ANCHO,
    ));
    let barras: Vec<(f64, (u8, u8, u8))> = a
        .acciones
        .iter()
        .map(|x| {
            (
                x.avance.porcentaje.unwrap_or(0.0) / 100.0,
                color_eje(x.eje_numero),
            )
        })
        .collect();
    grafico(
        e,
        1,
        &barras,
        &r.grafico,
        "Avance de cada acción, en el orden de la tabla anterior (color del eje de cada acción).",
    );
}

pub(super) fn acciones(e: &mut Escritor, a: &Avance) {
    e.apaisar();
    e.capitulo(&[]);
    let pequeno = 17;
    let filas = a
        .acciones
        .iter()
        .map(|x| {
            let mut indicador = format!(
                "Valor {} · línea base {} · meta {}",
                x.valor, x.linea_base, x.meta
            );
            if let Some(d) = &x.dato_de {
                indicador.push_str(&format!(" · último dato: {d}"));
            }
            let unidad = if x.unidad.is_empty() {
                String::new()
            } else {
                format!(" ({})", x.unidad)
            };
            vec![
                celda_negrita(&x.id),
                celda_con(
                    &x.descripcion,
                    &format!("{} · {}", x.eje_nombre, x.plazo),
                    pequeno,
                    15,
                ),
                celda_con(&x.responsable, "", pequeno, pequeno),
                celda_con(x.estado_texto, "", pequeno, pequeno),
                celda_con(&x.situacion, "", pequeno, pequeno),
                celda_con(&format!("{}{unidad}", x.indicador), &indicador, pequeno, 15),
                celda_con(&x.avance.texto, &x.avance.calculo, pequeno, 15),
                celda_con(
                    &x.ejecutado_texto,
                    &format!("de {} ({})", x.presupuesto_texto, x.ejecucion_texto),
                    pequeno,
                    15,
                ),
            ]
        })
        .collect();
    e.tabla(tabla_con(
        "Avance de las acciones",
        &[
            "Id",
            "Acción",
            "Responsable",
            "Estado",
            "Situación",
            "Indicador",
            "Avance",
            "Ejecutado",
        ],
        filas,
        &[1, 5, 3, 2, 3, 4, 3, 3],
        ANCHO_APAISADO,
        pequeno,
    ));
    e.enderezar();
}

/// The rows of an execution table, the total in bold when given.
fn filas_ejecucion(xs: &[FilaEjecucion], total: Option<&FilaEjecucion>) -> Vec<Vec<Celda>> {
    let fila = |f: &FilaEjecucion, negrita: bool| {
        vec![
            if negrita {
                celda_negrita(&f.nombre)
            } else {
                celda_texto(&f.nombre)
            },
            celda_monto(&f.presupuesto_texto, negrita),
            celda_monto(&f.ejecutado_texto, negrita),
            celda_texto(&f.porcentaje),
        ]
    };
    xs.iter()
        .map(|f| fila(f, false))
        .chain(total.map(|t| fila(t, true)))
        .collect()
}

pub(super) fn ejecucion(e: &mut Escritor, a: &Avance) {
    e.capitulo(&[]);
    let x = &a.ejecucion;
    e.texto(&format!(
        "Al {} se ejecutaron {} de un presupuesto referencial de {} ({}). Lo ejecutado es acumulado desde el inicio del plan.",
        a.corte.fecha_texto, x.total.ejecutado_texto, x.total.presupuesto_texto, x.total.porcentaje
    ));
    let encabezado = |primero| [primero, "Presupuesto", "Ejecutado", "Porcentaje"];
    e.seccion("Por eje");
    e.tabla(tabla(
        "Ejecución del presupuesto por eje",
        &encabezado("Eje"),
        filas_ejecucion(&x.por_eje, Some(&x.total)),
        &[5, 3, 3, 2],
        ANCHO,
    ));
    let barras: Vec<(f64, (u8, u8, u8))> = x
        .por_eje
        .iter()
        .enumerate()
        .map(|(i, f)| (f.fraccion, color_eje(i + 1)))
        .collect();
    grafico(
        e,
        2,
        &barras,
        &x.grafico,
        "Ejecución del presupuesto de cada eje, en el orden de la tabla anterior.",
    );
    if !x.por_fuente.is_empty() {
        e.seccion("Por fuente de financiamiento");
        e.tabla(tabla(
            "Ejecución del presupuesto por fuente de financiamiento",
            &encabezado("Fuente"),
            filas_ejecucion(&x.por_fuente, None),
            &[5, 3, 3, 2],
            ANCHO,
        ));
    }
    e.seccion("Por año");
    if x.por_anio.is_empty() {
        e.texto("Ningún corte informa montos ejecutados.");
    } else {
        e.texto("Lo que creció lo ejecutado de cada acción entre dos cortes cuenta en el año del segundo corte.");
        let filas = x
            .por_anio
            .iter()
            .map(|f| {
                vec![
                    celda_texto(&f.anio.to_string()),
                    celda_monto(&f.ejecutado_texto, false),
                ]
            })
            .collect();
        e.tabla(tabla(
            "Ejecución del presupuesto por año",
            &["Año", "Ejecutado"],
            filas,
            &[1, 2],
            ANCHO,
        ));
    }
}

pub(super) fn atrasadas(e: &mut Escritor, a: &Avance) {
    e.capitulo(&[]);
    if a.atrasadas.is_empty() {
        e.texto(&format!(
            "Ninguna acción está atrasada al {}.",
            a.corte.fecha_texto
        ));
        return;
    }
    e.texto(&format!(
        "Lo que está atrasado al {} y por qué, según el informe del corte.",
        a.corte.fecha_texto
    ));
    for x in &a.atrasadas {
        e.parrafo(
            Paragraph::new()
                .keep_next(true)
                .add_run(texto(&format!("{}. {}", x.id, x.descripcion)).bold()),
        );
        let estado = match &x.motivo {
            Some(m) => format!("{}: {m}", x.estado_texto),
            None => x.estado_texto.to_owned(),
        };
        e.parrafo(parrafo_gris(&estado, 19).keep_next(true));
        match &x.dificultades {
            Some(d) => e.md(d),
            None => e.parrafo(
                Paragraph::new().add_run(texto("El informe del corte no dice por qué.").italic()),
            ),
        }
    }
}

pub(super) fn evidencias(e: &mut Escritor, a: &Avance) {
    e.capitulo(&[]);
    if a.evidencias.is_empty() {
        e.texto("Ningún corte informa evidencias.");
        return;
    }
    e.texto("Los documentos que prueban lo informado, acción por acción y corte por corte. Quedan en las instituciones responsables.");
    let filas = a
        .evidencias
        .iter()
        .flat_map(|x| {
            x.items.iter().map(|[corte, evidencia]| {
                vec![
                    celda_negrita(&x.id),
                    celda_texto(corte),
                    celda_texto(evidencia),
                ]
            })
        })
        .collect();
    e.tabla(tabla(
        "Evidencias",
        &["Acción", "Corte", "Evidencia"],
        filas,
        &[1, 3, 6],
        ANCHO,
    ));
}

/// The rows of the accountability block.
fn filas_rendicion(xs: &[FilaRendicion], con_eje: bool) -> Vec<Vec<Celda>> {
    xs.iter()
        .map(|f| {
            let no_avanzo = if f.no_avanzo.is_empty() {
                "Todas sus acciones están a tiempo.".to_owned()
            } else {
                f.no_avanzo.join("\n")
            };
            let mut fila = vec![celda_texto(&f.objetivo)];
            if con_eje {
                fila.push(celda_texto(&f.eje));
            }
            fila.push(celda_con(&f.avance_texto, &f.calculo, TAM, 17));
            fila.push(celda_texto(&no_avanzo));
            fila
        })
        .collect()
}

pub(super) fn rendicion(e: &mut Escritor, a: &Avance) {
    e.capitulo(&[]);
    e.texto("Cada año el GAD rinde cuentas ante el Consejo de Participación Ciudadana y Control Social (CPCCS). Su formulario pide, para cada objetivo, el porcentaje de avance acumulado y, para lo que no avanzó, por qué: este bloque lo da con esa forma, para copiarlo en el formulario. El avance de un objetivo es el promedio del avance de sus acciones.");
    e.seccion("Objetivos del plan");
    e.tabla(tabla(
        "Rendición de cuentas: objetivos del plan",
        &[
            "Objetivo",
            "Eje",
            "Avance acumulado",
            "Lo que no avanzó y por qué",
        ],
        filas_rendicion(&a.rendicion.objetivos, true),
        &[4, 2, 2, 5],
        ANCHO,
    ));
    if let Some(p) = &a.rendicion.pdot {
        e.seccion(&format!("Objetivos del {}", p.nombre));
        e.tabla(tabla(
            &format!("Rendición de cuentas: objetivos del {}", p.nombre),
            &["Objetivo", "Avance acumulado", "Lo que no avanzó y por qué"],
            filas_rendicion(&p.objetivos, false),
            &[5, 2, 5],
            ANCHO,
        ));
    }
}

pub(super) fn ruta(e: &mut Escritor, a: &Avance) {
    e.capitulo(&[]);
    e.texto(a.ruta.aviso);
    if a.ruta.filas.is_empty() {
        e.texto("Ningún corte informa cifras de la ruta.");
        return;
    }
    let filas = a
        .ruta
        .filas
        .iter()
        .map(|f| {
            vec![
                celda_texto(&f.corte),
                celda_texto(&f.identificados),
                celda_texto(&f.atendidos),
                celda_texto(&f.derivados),
            ]
        })
        .collect();
    e.tabla(tabla(
        "Ruta de atención: cifras agregadas por corte",
        &[
            "Corte",
            "Casos identificados",
            "Casos atendidos",
            "Casos derivados",
        ],
        filas,
        &[3, 2, 2, 2],
        ANCHO,
    ));
}

pub(super) fn cortes(e: &mut Escritor, a: &Avance) {
    e.capitulo(&[]);
    let filas = a
        .cortes
        .iter()
        .map(|c| {
            let sin = if c.sin_reporte.is_empty() {
                "—".to_owned()
            } else {
                c.sin_reporte.join(", ")
            };
            vec![
                celda_texto(&c.fecha_texto),
                celda_texto(&c.informa),
                celda_texto(&c.informadas.to_string()),
                celda_texto(&sin),
            ]
        })
        .collect();
    e.tabla(tabla(
        "Cortes del seguimiento",
        &["Corte", "Informa", "Acciones informadas", "Sin reporte"],
        filas,
        &[3, 4, 2, 2],
        ANCHO,
    ));
    e.texto("Una acción de la que un corte no informa figura «sin reporte» y cuenta como atrasada: nadie puede decir que va a tiempo.");
}
