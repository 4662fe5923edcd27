//! A plan's progress report as a workbook: the actions at the cut (state, whether on time,
//! indicator, progress, budget and executed as numbers), every report of every cut, the budget
//! execution by axis, source and year, the accountability block and the route's counts.

use rust_xlsxwriter::XlsxError;

use super::{Libro, Valor};
use crate::documento::avance::Avance;
use crate::documento::cmark;
use crate::plan::seguimiento::Registro;

/// A number, or an empty cell.
fn numero(v: Option<f64>) -> Valor {
    v.map_or(Valor::Vacio, Valor::Numero)
}

/// The progress report's workbook.
pub(super) fn libro(registro: &Registro, a: &Avance) -> Result<Libro, XlsxError> {
    let mut libro = Libro::new(a.fecha);
    let filas: Vec<Vec<Valor>> = a
        .acciones
        .iter()
        .map(|x| {
            vec![
                x.id.as_str().into(),
                x.eje_nombre.as_str().into(),
                x.objetivo.as_str().into(),
                x.descripcion.as_str().into(),
                x.responsable.as_str().into(),
                x.estado_texto.into(),
                x.situacion.as_str().into(),
                x.indicador.as_str().into(),
                x.unidad.as_str().into(),
                numero(x.cifras[0]),
                numero(x.cifras[1]),
                numero(x.cifras[2]),
                numero(x.avance.porcentaje),
                x.avance.calculo.as_str().into(),
                Valor::Usd(x.presupuesto),
                Valor::Usd(x.ejecutado),
                numero(x.ejecucion),
                x.fuente.as_str().into(),
                x.dificultades.as_deref().map(cmark::plain).into(),
            ]
        })
        .collect();
    libro.hoja(
        "Acciones",
        &[
            "Id",
            "Eje",
            "Objetivo",
            "Acción",
            "Responsable",
            "Estado",
            "Situación",
            "Indicador",
            "Unidad",
            "Línea base",
            "Meta",
            "Valor alcanzado",
            "Avance (%)",
            "Cómo se calcula el avance",
            "Presupuesto (USD)",
            "Ejecutado (USD)",
            "Ejecución (fracción del presupuesto)",
            "Fuente",
            "Dificultades",
        ],
        None,
        &filas,
    )?;
    let mut filas: Vec<Vec<Valor>> = Vec::new();
    for c in registro.cronologico() {
        for r in &c.acciones {
            filas.push(vec![
                Valor::Fecha(c.fecha_corte),
                c.informa.as_str().into(),
                r.accion.as_str().into(),
                r.estado.nombre().into(),
                numero(r.valor),
                r.ejecutado.map_or(Valor::Vacio, Valor::Usd),
                Valor::Texto(r.evidencias.join("; ")),
                r.dificultades.clone().into(),
            ]);
        }
    }
    libro.hoja(
        "Cortes",
        &[
            "Fecha de corte",
            "Informa",
            "Acción",
            "Estado",
            "Valor alcanzado",
            "Ejecutado (USD)",
            "Evidencias",
            "Dificultades",
        ],
        None,
        &filas,
    )?;
    let x = &a.ejecucion;
    let mut filas: Vec<Vec<Valor>> = Vec::new();
    for (grupo, xs) in [("Eje", &x.por_eje), ("Fuente", &x.por_fuente)] {
        for f in xs {
            filas.push(vec![
                grupo.into(),
                f.nombre.as_str().into(),
                Valor::Usd(f.presupuesto),
                Valor::Usd(f.ejecutado),
                Valor::Numero(f.fraccion),
            ]);
        }
    }
    for f in &x.por_anio {
        filas.push(vec![
            "Año".into(),
            f.anio.to_string().into(),
            Valor::Vacio,
            Valor::Usd(f.ejecutado),
            Valor::Vacio,
        ]);
    }
    filas.push(vec![
        "Total".into(),
        "Total".into(),
        Valor::Usd(x.total.presupuesto),
        Valor::Usd(x.total.ejecutado),
        Valor::Numero(x.total.fraccion),
    ]);
    libro.hoja(
        "Ejecución",
        &[
            "Agrupación",
            "Nombre",
            "Presupuesto (USD)",
            "Ejecutado (USD)",
            "Fracción ejecutada",
        ],
        None,
        &filas,
    )?;
    let filas: Vec<Vec<Valor>> = a
        .rendicion
        .objetivos
        .iter()
        .map(|f| (f, "Plan"))
        .chain(
            a.rendicion
                .pdot
                .iter()
                .flat_map(|p| p.objetivos.iter().map(|f| (f, "PDOT"))),
        )
        .map(|(f, de)| {
            vec![
                de.into(),
                f.objetivo.as_str().into(),
                f.eje.as_str().into(),
                numero(f.avance),
                f.calculo.as_str().into(),
                Valor::Texto(f.no_avanzo.join("\n")),
            ]
        })
        .collect();
    libro.hoja(
        "Rendición de cuentas",
        &[
            "Objetivo de",
            "Objetivo",
            "Eje",
            "Avance acumulado (%)",
            "Cómo se calcula",
            "Lo que no avanzó y por qué",
        ],
        None,
        &filas,
    )?;
    let filas: Vec<Vec<Valor>> = registro
        .cronologico()
        .into_iter()
        .filter_map(|c| {
            let r = c.ruta_atencion?;
            let n = |v: Option<u32>| v.map_or(Valor::Vacio, |x| Valor::Numero(f64::from(x)));
            Some(vec![
                Valor::Fecha(c.fecha_corte),
                n(r.casos_identificados),
                n(r.casos_atendidos),
                n(r.casos_derivados),
            ])
        })
        .collect();
    libro.hoja(
        "Ruta de atención",
        &[
            "Fecha de corte",
            "Casos identificados (agregado)",
            "Casos atendidos (agregado)",
            "Casos derivados (agregado)",
        ],
        None,
        &filas,
    )?;
    Ok(libro)
}
