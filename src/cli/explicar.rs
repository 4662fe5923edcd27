//! `cantonal explicar CODE`: one rule, explained for the official who got its diagnostic.

use crate::reference::nacional::Referencia;
use crate::rules::{REGLAS, Regla, datos, regla};
use crate::suggest::did_you_mean;

/// Arguments of `explicar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Código de la regla, por ejemplo A002.
    pub codigo: String,
}

pub(super) fn run(args: Args) -> u8 {
    match regla(&args.codigo) {
        Some(r) => {
            print!("{}", texto_explicacion(r));
            super::OK
        }
        None => {
            eprintln!("error: no existe la regla `{}`", args.codigo);
            match did_you_mean(&args.codigo, REGLAS.iter().map(|r| r.codigo)) {
                Some(c) => {
                    eprintln!("ayuda: ¿quiso decir `{c}`? `cantonal reglas` las lista todas.")
                }
                None => eprintln!("ayuda: `cantonal reglas` lista todas las reglas."),
            }
            super::NO_SE_PUDO
        }
    }
}

/// The explanation of a rule as plain text.
pub fn texto_explicacion(r: &Regla) -> String {
    let e = &r.explicacion;
    let indent = |t: &str| {
        t.lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let referencia = Referencia::pacta();
    let datos = datos::de_la_regla(r.codigo, referencia);
    let datos = if datos.is_empty() {
        String::new()
    } else {
        format!(
            "\nSegún la referencia nacional ({})\n{}\n",
            referencia.nombre_corto,
            datos
                .iter()
                .map(|d| format!("  - {d}"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    };
    format!(
        "{codigo}: {titulo}\nSeveridad: {sev}{estricta}\n\nQué comprueba\n  {que}\n\nPor qué importa\n  {por_que}\n{datos}\nIncorrecto\n{mal}\n\nCorrecto\n{bien}\n",
        codigo = r.codigo,
        titulo = r.titulo,
        sev = r.severidad.nombre(),
        estricta = if r.estricta {
            " (error con --estricto o en un plan aprobado)"
        } else {
            ""
        },
        que = e.que,
        por_que = e.por_que,
        mal = indent(e.incorrecto),
        bien = indent(e.correcto),
    )
}
