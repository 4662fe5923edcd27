//! The report as text tables for a terminal (the default of `cantonal informe`): the same data
//! as the PDF, without the charts. Gaps are marked `✗` so that they stand out when scanning a
//! column; `s/d` (sin datos) marks a plan that could not be read.

use crate::diagnostics::visible;
use crate::documento::informe::{FilaPlan, FilaSeguimiento, Informe};
use crate::espanol::{numero, plural};

/// Marks a mandatory axis or stage that nobody covers.
pub const BRECHA: &str = "✗";
/// A covered stage.
pub const CUBIERTA: &str = "✓";
/// No data: the plan could not be read.
pub const SIN_DATOS: &str = "s/d";

/// A text table: the first `izquierda` columns (names) left-aligned, the others (figures)
/// right-aligned.
struct Tabla {
    filas: Vec<Vec<String>>,
    izquierda: usize,
}

impl Tabla {
    fn new(encabezado: Vec<String>) -> Self {
        let mut t = Tabla {
            filas: Vec::new(),
            izquierda: 1,
        };
        t.fila(encabezado);
        t
    }

    /// Adds a row. Cells hold plan text, file names and names from a reference file: they are
    /// escaped here, before the widths are measured, so that the columns stay aligned.
    fn fila(&mut self, celdas: Vec<String>) {
        self.filas
            .push(celdas.iter().map(|c| visible(c).into_owned()).collect());
    }

    fn texto(&self) -> String {
        let columnas = self.filas.iter().map(Vec::len).max().unwrap_or(0);
        let ancho: Vec<usize> = (0..columnas)
            .map(|c| {
                self.filas
                    .iter()
                    .filter_map(|f| f.get(c))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for (i, fila) in self.filas.iter().enumerate() {
            let celdas: Vec<String> = fila
                .iter()
                .enumerate()
                .map(|(c, s)| {
                    let relleno = " ".repeat(ancho[c] - s.chars().count());
                    if c < self.izquierda {
                        format!("{s}{relleno}")
                    } else {
                        format!("{relleno}{s}")
                    }
                })
                .collect();
            out.push_str("  ");
            out.push_str(celdas.join("  ").trim_end());
            out.push('\n');
            if i == 0 {
                let total: usize = ancho.iter().sum::<usize>() + 2 * columnas.saturating_sub(1);
                out.push_str(&format!("  {}\n", "─".repeat(total)));
            }
        }
        out
    }
}

/// A table with one row per plan: its canton, then `celdas` of the plan under `columnas`
/// (`s/d` in every one for a plan that could not be read); `total`, when given, ends it.
fn por_plan(
    informe: &Informe,
    columnas: impl IntoIterator<Item = String>,
    celdas: impl Fn(&FilaPlan) -> Vec<String>,
    total: Option<Vec<String>>,
) -> String {
    let mut enc = vec!["Cantón".to_owned()];
    enc.extend(columnas);
    let n = enc.len() - 1;
    let mut t = Tabla::new(enc);
    for p in &informe.planes {
        let mut fila = vec![p.etiqueta.clone()];
        if p.legible {
            fila.extend(celdas(p));
        } else {
            fila.extend(std::iter::repeat_n(SIN_DATOS.to_owned(), n));
        }
        t.fila(fila);
    }
    if let Some(total) = total {
        t.fila(std::iter::once("Total".to_owned()).chain(total).collect());
    }
    t.texto()
}

fn cortos(columnas: &[super::Columna]) -> impl Iterator<Item = String> + '_ {
    columnas.iter().map(|c| c.corto.clone())
}

/// A matrix cantons × axes with a total column and a total row: `celda` writes a plan's axis,
/// `del_plan` its total, `del_eje` an axis over all plans and `total` the grand total.
fn por_eje(
    informe: &Informe,
    celda: impl Fn(&super::CeldaEje) -> String,
    del_plan: impl Fn(&FilaPlan) -> String,
    del_eje: impl Fn(&super::TotalEje) -> String,
    total: String,
) -> String {
    por_plan(
        informe,
        cortos(&informe.ejes).chain(["Total".to_owned()]),
        |p| p.por_eje.iter().map(&celda).chain([del_plan(p)]).collect(),
        Some(
            informe
                .totales
                .por_eje
                .iter()
                .map(del_eje)
                .chain([total])
                .collect(),
        ),
    )
}

/// The coverage matrix: cantons × axes, number of actions, `✗` on a mandatory axis without any.
pub fn matriz_ejes(informe: &Informe) -> String {
    por_eje(
        informe,
        |c| {
            if c.brecha {
                format!("{} {BRECHA}", c.acciones)
            } else {
                c.acciones.to_string()
            }
        },
        |p| p.acciones.to_string(),
        |e| e.acciones.to_string(),
        informe.totales.acciones.to_string(),
    )
}

/// Route coverage: cantons × stages, `✓` with a responsible actor, `✗` a mandatory stage without.
pub fn matriz_ruta(informe: &Informe) -> String {
    por_plan(
        informe,
        cortos(&informe.etapas).chain(["Obligatorias".to_owned()]),
        |p| {
            p.por_etapa
                .iter()
                .map(|c| {
                    if c.cubierta {
                        CUBIERTA
                    } else if c.brecha {
                        BRECHA
                    } else {
                        "·"
                    }
                    .to_owned()
                })
                .chain([format!("{}/{}", p.etapas_cubiertas, p.etapas_obligatorias)])
                .collect()
        },
        None,
    )
}

/// Budget per axis and in total, in whole dollars.
pub fn matriz_presupuesto(informe: &Informe) -> String {
    let usd = |m: f64| numero(m.round());
    por_eje(
        informe,
        |c| usd(c.monto),
        |p| usd(p.presupuesto),
        |e| usd(e.monto),
        usd(informe.totales.presupuesto),
    )
}

/// Actions per purpose of exploitation, for the purposes some plan names in its risks; `0 ✗`
/// where the plan names it and no action addresses it.
pub fn matriz_fines(informe: &Informe) -> String {
    let usados = fines_usados(informe);
    por_plan(
        informe,
        usados.iter().map(|&i| informe.fines[i].corto.clone()),
        |p| {
            usados
                .iter()
                .map(|&i| {
                    let c = &p.por_fin[i];
                    if c.brecha {
                        format!("0 {BRECHA}")
                    } else {
                        c.acciones.to_string()
                    }
                })
                .collect()
        },
        None,
    )
}

/// The execution of the plans with a monitoring file, at each one's latest cut, and the total.
fn seguimiento(informe: &Informe) -> String {
    let ts = &informe.totales.seguimiento;
    if ts.planes == 0 {
        return String::new();
    }
    let mut out = String::from(
        "\nSeguimiento de la ejecución: al último corte de cada plan con archivo de seguimiento\n",
    );
    let mut t = Tabla::new(
        [
            "Cantón",
            "Último corte",
            "A tiempo",
            "Semáforo",
            "Ejecutado",
            "Ejecución",
            "Atrasadas",
        ]
        .map(String::from)
        .to_vec(),
    );
    t.izquierda = 2;
    let fila = |s: &FilaSeguimiento| -> Vec<String> {
        if !s.legible {
            return vec![SIN_DATOS.to_owned(); 5];
        }
        vec![
            format!("{} ({}/{})", s.a_tiempo_texto, s.a_tiempo, s.acciones),
            s.semaforo.unwrap_or("—").to_owned(),
            s.ejecutado_texto.clone(),
            s.ejecucion_texto.clone(),
            if s.atrasadas.is_empty() {
                "—".to_owned()
            } else {
                s.atrasadas.join(", ")
            },
        ]
    };
    for p in &informe.planes {
        if let Some(s) = &p.seguimiento {
            let mut celdas = vec![
                p.etiqueta.clone(),
                s.ultimo_corte
                    .clone()
                    .unwrap_or_else(|| SIN_DATOS.to_owned()),
            ];
            celdas.extend(fila(s));
            t.fila(celdas);
        }
    }
    t.fila(vec![
        "Total".to_owned(),
        ts.planes_texto.clone(),
        format!("{} ({}/{})", ts.a_tiempo_texto, ts.a_tiempo, ts.acciones),
        ts.semaforo.unwrap_or("—").to_owned(),
        ts.ejecutado_texto.clone(),
        ts.ejecucion_texto.clone(),
        ts.atrasadas.to_string(),
    ]);
    out.push_str(&t.texto());
    out
}

fn fines_usados(informe: &Informe) -> Vec<usize> {
    (0..informe.fines.len())
        .filter(|&i| informe.totales.por_fin[i].planes_con_riesgo > 0)
        .collect()
}

/// The whole report as text. Plan text, file names and reference names are shown visible,
/// never as terminal commands (see [`visible`]).
pub fn render(informe: &Informe) -> String {
    let tot = &informe.totales;
    let mut out = format!(
        "Informe consolidado de planes cantonales contra la trata de personas\n{} · {} · referencia: {} · {}\n",
        informe.origen,
        crate::espanol::plural(tot.planes, "plan", "planes"),
        informe.referencia_corta,
        informe.fecha
    );

    out.push_str("\nEstado de los planes\n");
    let mut t = Tabla::new(
        [
            "Cantón",
            "Archivo",
            "Estado",
            "Errores",
            "Advertencias",
            "Obs. abiertas",
        ]
        .map(String::from)
        .to_vec(),
    );
    t.izquierda = 3;
    for p in &informe.planes {
        t.fila(vec![
            p.etiqueta.clone(),
            p.archivo.clone(),
            p.estado_texto.clone(),
            p.errores.to_string(),
            p.advertencias.to_string(),
            p.observaciones_abiertas
                .map_or_else(|| "—".into(), |n| n.to_string()),
        ]);
    }
    out.push_str(&t.texto());
    if tot.con_errores > 0 {
        out.push_str(&format!(
            "  {} {} con errores: no se pueden generar ni aprobar hasta corregirlos.\n",
            tot.con_errores,
            if tot.con_errores == 1 {
                "plan"
            } else {
                "planes"
            }
        ));
    }

    out.push_str(&format!(
        "\nCobertura del {}: acciones por eje ({BRECHA} = eje obligatorio sin acciones o sin presupuesto)\n",
        informe.referencia_corta
    ));
    out.push_str(&matriz_ejes(informe));

    out.push_str(&format!(
        "\nRuta de atención: etapas con institución responsable ({CUBIERTA} cubierta, {BRECHA} obligatoria sin responsable, · opcional)\n"
    ));
    out.push_str(&matriz_ruta(informe));
    let legibles = informe.planes.iter().filter(|p| p.legible).count();
    for (e, cubiertas) in informe.etapas.iter().zip(&tot.por_etapa) {
        out.push_str(&format!(
            "  {} {}{} — cubierta en {cubiertas} de {}\n",
            e.corto,
            e.nombre,
            if e.obligatorio { "" } else { " (opcional)" },
            plural(legibles, "plan", "planes")
        ));
    }

    out.push_str("\nPresupuesto por eje (USD)\n");
    out.push_str(&matriz_presupuesto(informe));

    out.push_str("\nAcciones por fin de explotación (acciones que atienden riesgos con ese fin)\n");
    out.push_str(&matriz_fines(informe));
    let usados = fines_usados(informe);
    for &i in &usados {
        out.push_str(&format!(
            "  {} {} — {}\n",
            informe.fines[i].corto, informe.fines[i].nombre, tot.por_fin[i].texto
        ));
    }
    out.push_str(&format!(
        "  ({BRECHA} = fin nombrado en los riesgos del plan sin ninguna acción que lo atienda)\n"
    ));

    out.push_str(&seguimiento(informe));

    out.push_str(&format!(
        "\nTotal: {}, {} con errores; {}; {}; {}.\n",
        tot.planes_texto,
        tot.con_errores,
        plural(tot.acciones, "acción", "acciones"),
        tot.presupuesto_texto,
        plural(
            tot.observaciones_abiertas,
            "observación abierta",
            "observaciones abiertas"
        )
    ));
    visible(&out).into_owned()
}
