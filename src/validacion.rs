//! The library's front door for steps 1 and 2 of the pipeline: a plan file (or its text, for an
//! editor) loaded, its national reference resolved once, and every rule run, giving a
//! [`Validado`] that carries what later steps need — the typed plan, its reference, the
//! diagnostics with positions, the adviser's observations and the plan's monitoring file when
//! asked for — and the mapping between id paths and positions in the file.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Region, Severidad};
use crate::documento::avance::Avance;
use crate::documento::portada::EscudoDoc;
use crate::documento::{Documento, fecha_documento};
use crate::plan::load::{LoadedPlan, load_bytes, load_file};
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;
use crate::reference::resolucion::{self, Resolved};
use crate::rules::seguimiento::Ejecucion;
use crate::rules::{self, Opciones, revision::Revision};

/// A plan file with all its diagnostics.
#[derive(Debug)]
pub struct Validado {
    /// The loaded file.
    pub loaded: LoadedPlan,
    /// The plan's national reference, resolved once (absent when the plan could not be read).
    pub referencia: Option<Resolved>,
    /// Diagnostics of loading and of every rule, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The review observations checked against this plan, when asked for.
    pub revision: Option<Revision>,
    /// The plan's monitoring file checked against it, when asked for: the product is then its
    /// progress report.
    pub seguimiento: Option<Ejecucion>,
}

/// Loads and checks the plan at `archivo` (steps 1 and 2 of the pipeline).
pub fn validar(archivo: &Path, opciones: Opciones) -> Validado {
    comprobar(load_file(archivo), opciones)
}

/// Loads and checks a plan from its text, as an editor holds it: `archivo` names it in messages
/// and locates the files next to it (the national reference, its observations).
pub fn validar_texto(archivo: &Path, texto: &str, opciones: Opciones) -> Validado {
    comprobar(load_bytes(archivo, texto.as_bytes()), opciones)
}

/// Checks a loaded plan file: resolves its national reference and runs every rule.
pub fn comprobar(loaded: LoadedPlan, opciones: Opciones) -> Validado {
    let referencia = loaded
        .datos
        .as_ref()
        .map(|plan| resolucion::resolve(&loaded.carpeta(), &plan.plan_nacional));
    let diagnostics = rules::check(&loaded, referencia.as_ref(), opciones);
    Validado {
        loaded,
        referencia,
        diagnostics,
        revision: None,
        seguimiento: None,
    }
}

/// Why a plan's document could not be produced.
#[derive(Debug)]
pub enum SinProducto {
    /// The plan, or its observations, have errors.
    ConErrores,
    /// Its national reference could not be found.
    SinReferencia,
    /// A template failed (one of one's own, with `--plantillas`).
    Plantilla(Vec<crate::render::TemplateError>),
}

/// Why a plan has no document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinDocumento {
    /// The plan, or its observations, have errors.
    ConErrores,
    /// Its national reference could not be found.
    SinReferencia,
}

impl Validado {
    /// Whether any diagnostic of the plan, or of its observations, is an error.
    pub fn tiene_errores(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severidad == Severidad::Error)
            || self.revision.as_ref().is_some_and(Revision::tiene_errores)
            || self
                .seguimiento
                .as_ref()
                .is_some_and(Ejecucion::tiene_errores)
    }

    /// Checks the monitoring file `archivo` against this plan (format in
    /// `docs/seguimiento.md`); the product is then the progress report.
    pub fn con_seguimiento(mut self, archivo: &Path, opciones: Opciones) -> Self {
        self.seguimiento = Some(Ejecucion::new(archivo, &self.loaded, opciones));
        self
    }

    /// Checks the text of a monitoring file, as an editor holds it, against this plan;
    /// `archivo` names it in messages.
    pub fn con_seguimiento_texto(
        mut self,
        archivo: &Path,
        texto: &str,
        opciones: Opciones,
    ) -> Self {
        self.seguimiento = Some(Ejecucion::de_texto(archivo, texto, &self.loaded, opciones));
        self
    }

    /// Checks the observations file `archivo` against this plan (format in `docs/revision.md`).
    pub fn con_observaciones(mut self, archivo: &Path) -> Self {
        self.revision = Some(Revision::new(archivo, &self.loaded));
        self
    }

    /// The typed plan, when the file could be read that far.
    pub fn plan(&self) -> Option<&Plan> {
        self.loaded.datos.as_ref()
    }

    /// The plan's national reference, when it was found.
    pub fn referencia(&self) -> Option<&Referencia> {
        self.referencia.as_ref().and_then(Resolved::referencia)
    }

    /// The canton's name, when the plan could be read that far.
    pub fn canton(&self) -> Option<String> {
        self.loaded
            .valor
            .pointer("/canton/nombre")
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    }

    /// Step 3: the printable document of a plan without errors, with the observations laid in
    /// when they were checked ([`Validado::con_observaciones`]).
    pub fn documento(&self) -> Result<Documento, SinDocumento> {
        let (Some(plan), false) = (self.plan(), self.tiene_errores()) else {
            return Err(SinDocumento::ConErrores);
        };
        let referencia = self.referencia().ok_or(SinDocumento::SinReferencia)?;
        let mut doc = Documento::new(plan, referencia, fecha_documento(plan));
        if let Some(escudo) = self.escudo() {
            doc = doc.con_escudo(escudo);
        }
        Ok(match &self.revision {
            Some(revision) => doc.con_revision(plan, revision),
            None => doc,
        })
    }

    /// The document of this plan as far as it is filled, for a preview: its document when the
    /// plan has no errors; otherwise a draft laid out from the plan repaired where it must be
    /// ([`crate::plan::borrador`]), without its crest. `None` when not even that can be read.
    /// The second value says whether it is such a draft.
    pub fn documento_borrador(&self) -> Option<(Documento, bool)> {
        if let Ok(d) = self.documento() {
            return Some((d, false));
        }
        let referencia = self.referencia().unwrap_or(Referencia::pacta());
        let plan = crate::plan::borrador::plan_borrador(&self.loaded.valor)?;
        Some((
            Documento::new(&plan, referencia, fecha_documento(&plan)),
            true,
        ))
    }

    /// The canton's crest, when the plan names one that can be printed.
    fn escudo(&self) -> Option<EscudoDoc> {
        let escudo = self.plan()?.canton.escudo.as_ref()?;
        crate::plan::escudo::leer(&self.loaded.carpeta(), escudo)
            .ok()
            .map(EscudoDoc::new)
    }

    /// Step 3 for a monitoring file: the progress report of a plan without errors at the
    /// latest cut of its monitoring file ([`Validado::con_seguimiento`]), which has none either.
    pub fn avance(&self) -> Result<Avance, SinDocumento> {
        let (Some(plan), Some(registro), false) = (
            self.plan(),
            self.seguimiento.as_ref().and_then(Ejecucion::registro),
            self.tiene_errores(),
        ) else {
            return Err(SinDocumento::ConErrores);
        };
        let referencia = self.referencia().ok_or(SinDocumento::SinReferencia)?;
        let fecha = crate::documento::avance::fecha(registro);
        let avance =
            Avance::new(plan, referencia, registro, fecha).ok_or(SinDocumento::ConErrores)?;
        Ok(match self.escudo() {
            Some(escudo) => avance.con_escudo(escudo),
            None => avance,
        })
    }

    /// The progress report as far as the monitoring file is filled, for a preview: the report
    /// when the plan and the file have no errors; otherwise a draft, marked as such, from the
    /// plan repaired where it must be ([`crate::plan::borrador`]) and the file's readable parts
    /// ([`crate::plan::seguimiento::borrador`]). `None` without a monitoring file, or when not
    /// one cut can be read. The second value says whether it is such a draft.
    pub fn avance_borrador(&self) -> Option<(Avance, bool)> {
        if let Ok(a) = self.avance() {
            return Some((a, false));
        }
        let ejecucion = self.seguimiento.as_ref()?;
        let referencia = self.referencia().unwrap_or(Referencia::pacta());
        let plan_sin_errores = !self
            .diagnostics
            .iter()
            .any(|d| d.severidad == Severidad::Error);
        let reparado;
        let plan = match self.plan() {
            Some(p) if plan_sin_errores => p,
            _ => {
                reparado = crate::plan::borrador::plan_borrador(&self.loaded.valor)?;
                &reparado
            }
        };
        let leido;
        let registro = match ejecucion.registro() {
            Some(r) => r,
            None => {
                leido =
                    crate::plan::seguimiento::borrador::registro_borrador(&ejecucion.loaded.valor)?;
                &leido
            }
        };
        let fecha = crate::documento::avance::fecha(registro);
        let mut avance = Avance::new(plan, referencia, registro, fecha)?;
        avance.marca_borrador = true;
        Some((avance, true))
    }

    /// Steps 3 and 4: the file of this plan's document in `formato` (the review copy when the
    /// observations were checked; the progress report when its monitoring file was). Every
    /// front door that produces a document (`generar`, `vigilar`, the editor's downloads) goes
    /// through here.
    pub fn producto(
        &self,
        formato: &dyn crate::render::Formato,
        opciones: &crate::render::Opciones,
    ) -> Result<crate::render::Producto, SinProducto> {
        let sin = |e| match e {
            SinDocumento::ConErrores => SinProducto::ConErrores,
            SinDocumento::SinReferencia => SinProducto::SinReferencia,
        };
        let resultado = if let Some(s) = &self.seguimiento {
            let avance = self.avance().map_err(sin)?;
            let registro = s.registro().ok_or(SinProducto::ConErrores)?;
            formato.render(
                crate::render::Pieza::Avance {
                    registro,
                    avance: &avance,
                },
                opciones,
            )
        } else {
            let documento = self.documento().map_err(sin)?;
            let plan = self.plan().ok_or(SinProducto::ConErrores)?;
            formato.render(
                crate::render::Pieza::Plan {
                    plan,
                    documento: &documento,
                },
                opciones,
            )
        };
        resultado.map_err(SinProducto::Plantilla)
    }

    /// Where the item or field named by an id path (`acciones.A3.indicador.meta`) is written.
    pub fn posicion(&self, ruta: &str) -> Option<Region> {
        self.loaded.posicion(ruta)
    }

    /// The id path of what is written at `linea`, `columna` (1-based, columns in characters): the
    /// innermost item or field there.
    pub fn ruta_en(&self, linea: usize, columna: usize) -> Option<String> {
        self.loaded.ruta_en(linea, columna)
    }
}
