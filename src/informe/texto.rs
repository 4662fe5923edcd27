//! The report as text tables for a terminal (the default of `cantonal informe`): the same data
//! as the PDF, without the charts. Gaps are marked `✗` so that they stand out when scanning a
//! column; `s/d` (sin datos) marks a plan that could not be read.

use super::{FilaPlan, Informe};
use crate::render::document::numero;

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
        Tabla {
            filas: vec![encabezado],
            izquierda: 1,
        }
    }

    fn fila(&mut self, celdas: Vec<String>) {
        self.filas.push(celdas);
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

fn plural(n: usize, uno: &str, varios: &str) -> String {
    format!("{n} {}", if n == 1 { uno } else { varios })
}

fn celda_o_sin_datos(p: &FilaPlan, valor: impl FnOnce() -> String) -> String {
    if p.legible {
        valor()
    } else {
        SIN_DATOS.to_owned()
    }
}

/// The coverage matrix: cantons × axes, number of actions, `✗` on a mandatory axis without any.
pub fn matriz_ejes(informe: &Informe) -> String {
    let mut enc = vec!["Cantón".to_owned()];
    enc.extend(informe.ejes.iter().map(|e| e.corto.clone()));
    enc.push("Total".into());
    let mut t = Tabla::new(enc);
    for p in &informe.planes {
        let mut fila = vec![p.canton.clone()];
        for c in &p.por_eje {
            fila.push(celda_o_sin_datos(p, || {
                if c.brecha {
                    format!("{} {BRECHA}", c.acciones)
                } else {
                    c.acciones.to_string()
                }
            }));
        }
        fila.push(celda_o_sin_datos(p, || p.acciones.to_string()));
        t.fila(fila);
    }
    let mut total = vec!["Total".to_owned()];
    total.extend(
        informe
            .totales
            .por_eje
            .iter()
            .map(|e| e.acciones.to_string()),
    );
    total.push(informe.totales.acciones.to_string());
    t.fila(total);
    t.texto()
}

/// Route coverage: cantons × stages, `✓` with a responsible actor, `✗` a mandatory stage without.
pub fn matriz_ruta(informe: &Informe) -> String {
    let mut enc = vec!["Cantón".to_owned()];
    enc.extend(informe.etapas.iter().map(|e| e.corto.clone()));
    enc.push("Obligatorias".into());
    let mut t = Tabla::new(enc);
    for p in &informe.planes {
        let mut fila = vec![p.canton.clone()];
        for c in &p.por_etapa {
            fila.push(celda_o_sin_datos(p, || {
                if c.cubierta {
                    CUBIERTA.into()
                } else if c.brecha {
                    BRECHA.into()
                } else {
                    "·".into()
                }
            }));
        }
        fila.push(celda_o_sin_datos(p, || {
            format!("{}/{}", p.etapas_cubiertas, p.etapas_obligatorias)
        }));
        t.fila(fila);
    }
    t.texto()
}

/// The whole report as text.
pub fn render(informe: &Informe) -> String {
    let tot = &informe.totales;
    let mut out = format!(
        "Informe consolidado de planes cantonales contra la trata de personas\n{} · {} planes · referencia: {} · {}\n",
        informe.origen, tot.planes, informe.referencia_corta, informe.fecha
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
            p.canton.clone(),
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
        "\nCobertura del {}: acciones por eje ({BRECHA} = eje obligatorio sin acciones)\n",
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
    let mut enc = vec!["Cantón".to_owned()];
    enc.extend(informe.ejes.iter().map(|e| e.corto.clone()));
    enc.push("Total".into());
    let mut t = Tabla::new(enc);
    for p in &informe.planes {
        let mut fila = vec![p.canton.clone()];
        fila.extend(
            p.por_eje
                .iter()
                .map(|c| celda_o_sin_datos(p, || numero(c.monto.round()))),
        );
        fila.push(celda_o_sin_datos(p, || numero(p.presupuesto.round())));
        t.fila(fila);
    }
    let mut total = vec!["Total".to_owned()];
    total.extend(tot.por_eje.iter().map(|e| numero(e.monto.round())));
    total.push(numero(tot.presupuesto.round()));
    t.fila(total);
    out.push_str(&t.texto());

    out.push_str("\nAcciones por fin de explotación (acciones que atienden riesgos con ese fin)\n");
    let usados: Vec<usize> = (0..informe.fines.len())
        .filter(|&i| tot.por_fin[i].planes_con_riesgo > 0)
        .collect();
    let mut enc = vec!["Cantón".to_owned()];
    enc.extend(usados.iter().map(|&i| informe.fines[i].corto.clone()));
    let mut t = Tabla::new(enc);
    for p in &informe.planes {
        let mut fila = vec![p.canton.clone()];
        fila.extend(usados.iter().map(|&i| {
            celda_o_sin_datos(p, || {
                let n = p.por_fin[i];
                if n == 0 && p.fines_sin_accion.contains(&informe.fines[i].nombre) {
                    format!("0 {BRECHA}")
                } else {
                    n.to_string()
                }
            })
        }));
        t.fila(fila);
    }
    out.push_str(&t.texto());
    for &i in &usados {
        out.push_str(&format!(
            "  {} {} — {} en {}\n",
            informe.fines[i].corto,
            informe.fines[i].nombre,
            plural(tot.por_fin[i].acciones, "acción", "acciones"),
            plural(tot.por_fin[i].planes_con_riesgo, "plan", "planes")
        ));
    }
    out.push_str(&format!(
        "  ({BRECHA} = fin nombrado en los riesgos del plan sin ninguna acción que lo atienda)\n"
    ));

    out.push_str(&format!(
        "\nTotal: {}, {} con errores; {}; {}; {}.\n",
        plural(tot.planes, "plan", "planes"),
        tot.con_errores,
        plural(tot.acciones, "acción", "acciones"),
        tot.presupuesto_texto,
        plural(
            tot.observaciones_abiertas,
            "observación abierta",
            "observaciones abiertas"
        )
    ));
    out
}
