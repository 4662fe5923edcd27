//! M012–M014: what the texts of a monitoring file must and must not say — an action reported
//! «cumplida» shows its evidence, a late action says why, and no text carries a person's data
//! (identity numbers, personal phones or e-mail addresses: Ley Orgánica de Protección de Datos
//! Personales), since a monitoring report is printed for the Concejo and published in the
//! GAD's yearly accountability. Run by [`super::seguimiento`].

use super::seguimiento::{ContextoSeguimiento, en, series};
use super::{Comprobacion, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::espanol::fecha_larga;
use crate::path;
use crate::plan::seguimiento::EstadoAccion;
use crate::plan::seguimiento::calculo::{Retraso, Situacion, situacion};
use crate::plan::spans::NodePath;
use crate::suggest::fold;

/// An action reported done without evidence.
pub static M012: Regla = Regla {
    codigo: "M012",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Acción cumplida sin evidencias",
    explicacion: Explicacion {
        que: "Que una acción informada como `cumplida` tenga al menos una evidencia, en ese corte o en uno anterior.",
        por_que: "En la rendición de cuentas el GAD debe poder mostrar el medio de verificación de lo que dice haber cumplido: un acta, un informe, una lista de asistencia. Sin él, «cumplida» es solo una palabra.",
        incorrecto: "      - { accion: A5, estado: cumplida }",
        correcto: "      - accion: A5\n        estado: cumplida\n        evidencias:\n          - Convenio de acogida firmado el 12 de septiembre de 2026",
    },
    comprobar: Comprobacion::Seguimiento(cumplidas_sin_evidencia),
};

fn cumplidas_sin_evidencia(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    let mut con_evidencia: Vec<&str> = Vec::new();
    for s in series(ctx) {
        if !s.reporte.evidencias.is_empty() {
            con_evidencia.push(&s.accion.id);
        }
        if s.reporte.estado == EstadoAccion::Cumplida && !con_evidencia.contains(&&*s.accion.id) {
            out.push(Hallazgo::en(
                en(&s, "estado"),
                format!(
                    "`{}` está cumplida en el corte del {} y ningún corte da una evidencia",
                    s.accion.id,
                    fecha_larga(s.corte.fecha_corte)
                ),
                "Agregue `evidencias:` con los documentos que lo prueban (actas, informes, listas de asistencia), sin datos de víctimas.",
            ));
        }
    }
    out
}

/// A late action without a word about why.
pub static M013: Regla = Regla {
    codigo: "M013",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Acción atrasada sin dificultades",
    explicacion: Explicacion {
        que: "Que una acción atrasada a la fecha del corte diga en `dificultades` qué la detuvo y qué se hace al respecto: una acción cuyo plazo venció sin cumplirse, una que debió empezar y no empezó, o una marcada `retrasada` o `suspendida`.",
        por_que: "El formulario de rendición de cuentas pide, para lo que no avanzó, por qué. El informe de avance muestra ese texto junto a cada acción atrasada; sin él, el Concejo solo ve el retraso.",
        incorrecto: "# plazo de A5: hasta el 30 de septiembre de 2026\n  - fecha_corte: 2026-12-31\n    acciones:\n      - { accion: A5, estado: en_curso, valor: 4 }",
        correcto: "      - accion: A5\n        estado: retrasada\n        valor: 4\n        dificultades: >-\n          El convenio con la casa de acogida se firmó en noviembre; las dos plazas\n          restantes se habilitan en enero.",
    },
    comprobar: Comprobacion::Seguimiento(atrasadas_sin_dificultades),
};

fn atrasadas_sin_dificultades(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    series(ctx)
        .iter()
        .filter(|s| {
            s.reporte
                .dificultades
                .as_deref()
                .is_none_or(|d| d.trim().is_empty())
        })
        .filter_map(|s| {
            let Situacion::Atrasada(retraso) =
                situacion(s.accion, Some(s.reporte), s.corte.fecha_corte)
            else {
                return None;
            };
            let por_que = match retraso {
                Retraso::Marcada(e) => format!("está {}", e.nombre().to_lowercase()),
                Retraso::Vencida(fin) => {
                    format!("venció el {} sin cumplirse", fecha_larga(fin))
                }
                Retraso::SinIniciar(inicio) => {
                    format!("debía empezar el {} y no ha empezado", fecha_larga(inicio))
                }
                Retraso::SinReporte => return None,
            };
            Some(Hallazgo::en(
                en(s, "estado"),
                format!(
                    "`{}` {por_que} en el corte del {}, y el corte no dice por qué",
                    s.accion.id,
                    fecha_larga(s.corte.fecha_corte)
                ),
                "Escriba en `dificultades:` qué detuvo la acción y qué se está haciendo, sin nombres ni datos de víctimas.",
            ))
        })
        .collect()
}

/// A person's data in a text of the monitoring file.
pub static M014: Regla = Regla {
    codigo: "M014",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Datos personales en el seguimiento",
    explicacion: Explicacion {
        que: "Que los textos del seguimiento (quién informa, evidencias, dificultades) no lleven datos de una persona: números de cédula o de pasaporte, números de celular, correos electrónicos personales. La ruta de atención del corte solo admite números.",
        por_que: "El seguimiento se imprime para el Concejo y se publica en la rendición de cuentas; un número de cédula o un celular junto a un caso identifica a una víctima y la expone (Ley Orgánica de Protección de Datos Personales). Las cifras de la ruta son agregadas: cuántos casos, nunca quiénes.",
        incorrecto: "        dificultades: >-\n          La víctima (cédula 1710034065) no quiso declarar; su madre responde al 0991234567.",
        correcto: "        dificultades: >-\n          Una de las víctimas no quiso declarar; la Junta Cantonal le dio seguimiento.",
    },
    comprobar: Comprobacion::Seguimiento(datos_personales),
};

fn datos_personales(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let Some(registro) = ctx.registro else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut revisar = |path: NodePath, texto: &str| {
        if let Some(dato) = hallazgos(texto).into_iter().next() {
            out.push(Hallazgo::en(
                path,
                format!("el texto tiene lo que parece {dato}"),
                "Quite el dato: el seguimiento se imprime y se publica, y los datos de una persona no van en él (Ley Orgánica de Protección de Datos Personales). Nombre a las instituciones, no a las personas, y dé cifras agregadas.",
            ));
        }
    };
    for (i, c) in registro.cortes.iter().enumerate() {
        revisar(path!["cortes", i, "informa"], &c.informa);
        for (j, r) in c.acciones.iter().enumerate() {
            for (k, e) in r.evidencias.iter().enumerate() {
                revisar(path!["cortes", i, "acciones", j, "evidencias", k], e);
            }
            if let Some(d) = &r.dificultades {
                revisar(path!["cortes", i, "acciones", j, "dificultades"], d);
            }
        }
    }
    out
}

/// The personal data in `texto`, each said with its value masked: «un número de cédula
/// (17••••••65)».
fn hallazgos(texto: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (numero, tras_palabra) in numeros(texto) {
        let d: Vec<u32> = numero.chars().filter_map(|c| c.to_digit(10)).collect();
        let que = if (d.len() == 10 && cedula(&d))
            || (d.len() == 13 && cedula(&d[..10]) && d[10..] == [0, 0, 1])
        {
            "un número de cédula"
        } else if tras_palabra {
            "un número de cédula o de pasaporte"
        } else if d.len() == 10 && d[..2] == [0, 9] {
            "un número de celular"
        } else {
            continue;
        };
        out.push(format!("{que} ({})", enmascarar(&numero)));
    }
    for correo in correos_personales(texto) {
        out.push(format!(
            "un correo electrónico personal ({})",
            enmascarar(&correo)
        ));
    }
    out
}

/// The numbers of `texto` as written (digits with single spaces, dots or dashes between them),
/// each with whether it follows a word that announces an identity document («cédula»,
/// «pasaporte», «C.I.»).
fn numeros(texto: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = texto.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let inicio = i;
        let mut fin = i;
        // Digits, and single separators between digits.
        while fin < chars.len()
            && (chars[fin].is_ascii_digit()
                || (matches!(chars[fin], ' ' | '-' | '.')
                    && chars.get(fin + 1).is_some_and(char::is_ascii_digit)))
        {
            fin += 1;
        }
        let numero: String = chars[inicio..fin].iter().collect();
        let antes = fold(
            &chars[inicio.saturating_sub(24)..inicio]
                .iter()
                .collect::<String>(),
        );
        let anunciado = ["cedula", "pasaporte", "c.i", "ci:", "ci."]
            .iter()
            .any(|p| antes.contains(p));
        if numero.chars().filter(char::is_ascii_digit).count() >= 6 {
            out.push((numero, anunciado));
        }
        i = fin;
    }
    out
}

/// Whether ten digits are a valid Ecuadorian identity card number: a province code (01–24, or
/// 30 for those registered abroad), a third digit below 6, and the check digit of the modulo 10
/// algorithm of the Registro Civil.
fn cedula(d: &[u32]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let provincia = d[0] * 10 + d[1];
    if !((1..=24).contains(&provincia) || provincia == 30) || d[2] >= 6 {
        return false;
    }
    let suma: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let p = if i % 2 == 0 { x * 2 } else { x };
            if p > 9 { p - 9 } else { p }
        })
        .sum();
    (10 - suma % 10) % 10 == d[9]
}

/// The e-mail addresses of `texto` at the free providers people use for themselves (an
/// institution's address, `@ibarra.gob.ec`, is not a person's data).
fn correos_personales(texto: &str) -> Vec<String> {
    const PROVEEDORES: [&str; 7] = [
        "gmail.",
        "hotmail.",
        "yahoo.",
        "outlook.",
        "live.",
        "icloud.",
        "protonmail.",
    ];
    texto
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>'))
        .map(|p| p.trim_end_matches(['.', ':']))
        .filter(|p| {
            p.split_once('@').is_some_and(|(local, dominio)| {
                !local.is_empty()
                    && PROVEEDORES
                        .iter()
                        .any(|x| dominio.to_lowercase().starts_with(x))
            })
        })
        .map(str::to_owned)
        .collect()
}

/// A value with all but its first two and last two characters hidden.
fn enmascarar(valor: &str) -> String {
    let c: Vec<char> = valor.chars().collect();
    if c.len() <= 4 {
        return "•".repeat(c.len());
    }
    let medio = "•".repeat(c.len() - 4);
    format!(
        "{}{medio}{}",
        c[..2].iter().collect::<String>(),
        c[c.len() - 2..].iter().collect::<String>()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_identity_numbers_phones_and_personal_mail() {
        assert!(cedula(&[1, 7, 1, 0, 0, 3, 4, 0, 6, 5]));
        assert!(!cedula(&[1, 7, 1, 0, 0, 3, 4, 0, 6, 4]));
        let h = hallazgos("La víctima (cédula 1710034065) vive en Ibarra.");
        assert_eq!(h, vec!["un número de cédula (17••••••65)"]);
        assert_eq!(
            hallazgos("Su madre responde al 099 123 4567."),
            vec!["un número de celular (09••••••••67)"]
        );
        assert_eq!(
            hallazgos("Pasaporte N.º 4567891 de la persona"),
            vec!["un número de cédula o de pasaporte (45•••91)"]
        );
        assert_eq!(
            hallazgos("Escribir a maria.p@gmail.com"),
            vec!["un correo electrónico personal (ma•••••••••••••om)"]
        );
        // Dates, amounts, institutional addresses and phones are not personal data.
        for limpio in [
            "Informe del 30 de junio de 2026 (USD 1.500,00), 2026-06-30.",
            "Escribir a planificacion@ibarra.gob.ec o llamar al (06) 295 0000.",
            "Listas de asistencia de 1.200 estudiantes en 14 colegios.",
        ] {
            assert!(
                hallazgos(limpio).is_empty(),
                "{limpio}: {:?}",
                hallazgos(limpio)
            );
        }
    }
}
