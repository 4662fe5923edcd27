//! The integration tests, in one test binary: each file is the tests of one part of the
//! program, run against the real `cantonal` binary and the library. One binary rather than one
//! per file: each test binary links all of Typst, and CI has two cores.

mod accesibilidad;
mod archivos;
mod argumentos;
mod arquitectura;
mod autoria;
mod avance;
mod axe;
mod biblioteca;
mod campos;
mod catalogo;
mod cliente;
mod common;
mod comparar;
mod documento;
mod editor;
mod editor_comando;
mod editor_js;
mod editor_navegador;
mod editor_seguimiento;
mod endurecimiento;
mod entradas;
mod excel;
mod excel_valores;
mod fuzz;
mod html;
mod humano;
mod informe;
mod ley;
mod lote;
mod navegador;
mod observaciones;
mod paquete;
mod pdf;
mod plurales;
mod reglas;
mod reglas_casos;
mod salidas;
mod seguimiento;
mod seguimiento_corte;
mod seguimiento_navegador;
mod terminal;
mod vistas;
mod windows;
// Runs the Windows build under Wine, from Linux.
#[cfg(unix)]
mod wine;
mod word;
mod word_imagenes;
