//! `cantonal generar PLAN`: validates the plan and, when it has no errors, renders the printable
//! plan. Refuses to render a plan with errors, and says why.

use std::path::PathBuf;

use super::{ERRORES, NO_SE_PUDO, OK};
use crate::diagnostics::{Conteo, human};
use crate::reference::nacional;
use crate::render::hbs::Formato;
use crate::render::templates::Plantillas;
use crate::render::typst::PdfConfig;
use crate::render::{hbs_text, json, pdf, write_atomic};
use crate::rules::Opciones;
use crate::validar;

/// Output formats of `generar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatoSalida {
    /// PDF (Typst).
    Pdf,
    /// Un archivo HTML autocontenido.
    Html,
    /// Markdown (CommonMark).
    Md,
    /// El plan normalizado en JSON.
    Json,
}

impl FormatoSalida {
    fn extension(self) -> &'static str {
        match self {
            FormatoSalida::Pdf => "pdf",
            FormatoSalida::Html => "html",
            FormatoSalida::Md => "md",
            FormatoSalida::Json => "json",
        }
    }
}

/// Arguments of `generar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Archivo del plan (.yaml).
    pub plan: PathBuf,
    /// Formato del documento.
    #[arg(long, value_enum, default_value_t = FormatoSalida::Pdf)]
    pub formato: FormatoSalida,
    /// Archivo de salida (por omisión, junto al plan con la extensión del formato).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
    /// Carpeta con plantillas que reemplazan, archivo por archivo, a las incorporadas.
    #[arg(long, value_name = "CARPETA")]
    pub plantillas: Option<PathBuf>,
    /// PDF/A-2b, para archivo.
    #[arg(long = "pdf-a")]
    pub pdf_a: bool,
}

pub(super) fn run(args: Args, color: bool, quiet: bool) -> u8 {
    if !args.plan.is_file() {
        eprintln!("error: no existe el archivo {}", args.plan.display());
        return NO_SE_PUDO;
    }
    let plantillas = match Plantillas::new(args.plantillas.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return NO_SE_PUDO;
        }
    };
    construir(&args, &plantillas, color, quiet)
}

/// Validates and renders once, printing diagnostics and the result; shared with `vigilar`.
pub(super) fn construir(args: &Args, plantillas: &Plantillas, color: bool, quiet: bool) -> u8 {
    let plantillas = plantillas.clone();
    let validado = validar(&args.plan, Opciones::default());
    let archivo = args.plan.display().to_string();
    if !validado.diagnostics.is_empty() && !quiet {
        print!(
            "{}",
            human::render(
                &archivo,
                &validado.loaded.texto,
                &validado.diagnostics,
                color
            )
        );
    }
    let conteo = Conteo::de(&validado.diagnostics);
    let (Some(plan), false) = (&validado.loaded.plan, validado.tiene_errores()) else {
        eprintln!(
            "error: no se generó el documento: {archivo} tiene {}. Corríjalos y vuelva a intentarlo.",
            if conteo.errores == 1 {
                "1 error".to_owned()
            } else {
                format!("{} errores", conteo.errores)
            }
        );
        return ERRORES;
    };
    let resolved = nacional::resolve(&validado.loaded.carpeta(), &plan.plan_nacional);
    let Some(referencia) = resolved.referencia() else {
        eprintln!(
            "error: no se encontró la referencia nacional `{}`",
            plan.plan_nacional
        );
        return ERRORES;
    };
    let salida = args
        .salida
        .clone()
        .unwrap_or_else(|| args.plan.with_extension(args.formato.extension()));
    let texto = match args.formato {
        FormatoSalida::Pdf => None,
        FormatoSalida::Html => Some(hbs_text(plan, referencia, &plantillas, Formato::Html)),
        FormatoSalida::Md => Some(hbs_text(plan, referencia, &plantillas, Formato::Markdown)),
        FormatoSalida::Json => Some(Ok(json(plan, referencia))),
    };
    if let Some(texto) = texto {
        return match texto {
            Ok(t) => match write_atomic(&salida, t.as_bytes()) {
                Ok(()) => {
                    if !quiet {
                        println!("{}: generado", salida.display());
                    }
                    OK
                }
                Err(e) => {
                    eprintln!("error: no se pudo escribir {}: {e}", salida.display());
                    NO_SE_PUDO
                }
            },
            Err(e) => {
                eprintln!("error en la plantilla: {e}");
                eprintln!(
                    "error: no se generó {}; el archivo anterior, si existía, no se modificó.",
                    salida.display()
                );
                ERRORES
            }
        };
    }
    let resultado = pdf(
        plan,
        referencia,
        plantillas,
        PdfConfig { pdf_a: args.pdf_a },
    );
    match resultado {
        Ok(doc) => {
            if let Err(e) = write_atomic(&salida, &doc.bytes) {
                eprintln!("error: no se pudo escribir {}: {e}", salida.display());
                return NO_SE_PUDO;
            }
            if !quiet {
                println!(
                    "{}: {} páginas en {:.2} s (compilación Typst {:.2} s){}",
                    salida.display(),
                    doc.document.pages().len(),
                    doc.total.as_secs_f64(),
                    doc.compilacion.as_secs_f64(),
                    if conteo.advertencias + conteo.sugerencias > 0 {
                        format!("; el plan tiene {}", conteo.texto())
                    } else {
                        String::new()
                    }
                );
            }
            OK
        }
        Err(errores) => {
            for e in &errores {
                eprintln!("error en la plantilla: {e}");
            }
            eprintln!(
                "error: no se generó {}; el archivo anterior, si existía, no se modificó.",
                salida.display()
            );
            ERRORES
        }
    }
}
