//! `cantonal plantilla-taller --canton X [-o LIBRO.xlsx]` and `--desde PLAN`: the workshop
//! workbook ([`crate::taller::plantilla`]), empty for a canton or filled from a plan so that a
//! workshop can revise it and `cantonal importar` can bring it back.

use std::path::PathBuf;

use super::{Fallo, mostrar};
use crate::escritura::{comprobar_destino, write_atomic};
use crate::nuevo::{buscar_canton, slug};
use crate::reference::nacional::Referencia;
use crate::rules::Opciones;
use crate::taller::plantilla::plantilla;
use crate::validacion::validar;

/// Arguments of `plantilla-taller`.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("origen").required(true).args(["canton", "desde"]))]
pub struct Args {
    /// Código DPA del INEC o nombre del cantón: libro vacío para ese cantón.
    #[arg(long)]
    pub canton: Option<String>,
    /// Plan (.yaml) con el que llenar el libro.
    #[arg(long, value_name = "PLAN")]
    pub desde: Option<PathBuf>,
    /// Libro a crear (por omisión, `<cantón>-taller.xlsx` en la carpeta actual).
    #[arg(short = 'o', long = "salida", value_name = "LIBRO")]
    pub salida: Option<PathBuf>,
    /// Reemplaza el libro si ya existe.
    #[arg(long)]
    pub forzar: bool,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), Fallo> {
    let referencia = Referencia::pacta();
    let (bytes, nombre) = match (&args.desde, &args.canton) {
        (Some(archivo), _) => {
            let v = validar(archivo, Opciones::default());
            let Some(plan) = v.plan() else {
                return Err(Fallo::Errores(Some(format!(
                    "{} no se puede leer como plan; revíselo con `cantonal validar {}`",
                    mostrar(archivo),
                    mostrar(archivo)
                ))));
            };
            let r = v.referencia().unwrap_or(referencia);
            (plantilla(r, Some(plan), &[]), plan.canton.nombre.clone())
        }
        (None, Some(canton)) => {
            let c = buscar_canton(canton).map_err(Fallo::NoSePudo)?;
            let generales = [
                ("plan_nacional", referencia.id.as_str()),
                ("canton.codigo", c.codigo.as_str()),
                ("canton.nombre", c.nombre.as_str()),
                ("canton.provincia", c.provincia.as_str()),
                ("estado", "borrador"),
            ];
            (plantilla(referencia, None, &generales), c.nombre.clone())
        }
        (None, None) => {
            return Err(Fallo::NoSePudo(
                "indique el cantón (--canton) o el plan con el que llenar el libro (--desde)"
                    .into(),
            ));
        }
    };
    let bytes = bytes.map_err(|e| Fallo::NoSePudo(format!("no se pudo crear el libro: {e}")))?;
    let salida = args
        .salida
        .unwrap_or_else(|| PathBuf::from(format!("{}-taller.xlsx", slug(&nombre))));
    let entradas: Vec<&std::path::Path> = args.desde.iter().map(PathBuf::as_path).collect();
    comprobar_destino(&salida, &entradas)?;
    if salida.exists() && !args.forzar {
        return Err(Fallo::NoSePudo(format!(
            "{} ya existe; no se sobrescribe. Use --forzar para reemplazarlo u -o para elegir otro nombre.",
            mostrar(&salida)
        )));
    }
    write_atomic(&salida, &bytes)?;
    if !quiet {
        salidaln!(
            "{}: libro del taller de {nombre}. Llénelo en Excel o LibreOffice y conviértalo en plan con `cantonal importar {}`.",
            mostrar(&salida),
            mostrar(&salida)
        );
    }
    Ok(())
}
