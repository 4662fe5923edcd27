//! `cantonal reglas`: the rule catalogue, as a table or as the Markdown reference that
//! `docs/reglas.md` holds.

use crate::reference::nacional::Referencia;
use crate::rules::{REGLAS, Regla, datos};

/// Arguments of `reglas`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Imprime la referencia completa en Markdown (la de docs/reglas.md).
    #[arg(long)]
    pub markdown: bool,
}

pub(super) fn run(args: Args) -> u8 {
    if args.markdown {
        print!("{}", reference_markdown());
    } else {
        for r in REGLAS {
            println!("{}  {:<12} {}", r.codigo, severidad(r), r.titulo);
        }
        println!("\n`cantonal explicar <código>` explica cada regla.");
    }
    super::OK
}

fn severidad(r: &Regla) -> String {
    let s = r.severidad.nombre();
    if r.estricta {
        format!("{s}*")
    } else {
        s.to_owned()
    }
}

/// The rule reference in Markdown, generated from the registry.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Reglas de validación\n\n\
         <!-- Generado por `cantonal reglas --markdown`; no editar a mano. -->\n\n\
         Severidades: **error** impide generar el plan; **advertencia** y **sugerencia** no. \
         Las reglas marcadas *estricta* pasan de advertencia a error con `--estricto` y en todo \
         plan con `estado: aprobado`.\n\n\
         | código | severidad | regla |\n|---|---|---|\n",
    );
    for r in REGLAS {
        out.push_str(&format!(
            "| [{c}](#{l}) | {s}{e} | {t} |\n",
            c = r.codigo,
            l = r.codigo.to_lowercase(),
            s = r.severidad.nombre(),
            e = if r.estricta { ", estricta" } else { "" },
            t = r.titulo
        ));
    }
    let referencia = Referencia::pacta();
    for r in REGLAS {
        let e = &r.explicacion;
        let datos = datos::de_la_regla(r.codigo, referencia);
        let datos = if datos.is_empty() {
            String::new()
        } else {
            format!(
                "**Según la referencia nacional ({}).**\n\n{}\n\n",
                referencia.nombre_corto,
                datos
                    .iter()
                    .map(|d| format!("- {d}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        };
        out.push_str(&format!(
            "\n## {c}\n\n**{t}** — {s}{est}\n\n**Qué comprueba.** {que}\n\n**Por qué importa.** {pq}\n\n\
             {datos}Incorrecto:\n\n```yaml\n{mal}\n```\n\nCorrecto:\n\n```yaml\n{bien}\n```\n",
            c = r.codigo,
            t = r.titulo,
            s = r.severidad.nombre(),
            est = if r.estricta { " (estricta)" } else { "" },
            que = e.que,
            pq = e.por_que,
            mal = e.incorrecto,
            bien = e.correcto,
        ));
    }
    out
}
