//! M007–M011: the figures of a monitoring file — an indicator's value that goes past its target
//! or moves away from it, an accumulated executed amount that goes down from one cut to the
//! next, more executed than the action's budget, or money executed on an action without budget.
//! Each value is compared with the same action's value in the previous cut by date (or, for the
//! first one, with the baseline). Run by [`super::seguimiento`].

use super::seguimiento::{ContextoSeguimiento, en, series};
use super::{Comprobacion, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::espanol::{fecha_larga, numero, usd};
use crate::plan::seguimiento::calculo::Recorrido;

/// A value past its target.
pub static M007: Regla = Regla {
    codigo: "M007",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Valor del indicador más allá de la meta",
    explicacion: Explicacion {
        que: "Que el `valor` informado de una acción no pase la meta de su indicador (por encima, si la meta es mayor que la línea base; por debajo, si es menor).",
        por_que: "Pasar la meta es posible, pero casi siempre es una cifra mal escrita (un cero de más) o un valor de otro período sumado dos veces; si es real, conviene saberlo para fijar una meta más alta en la próxima reforma del plan.",
        incorrecto: "# indicador: { linea_base: 0, meta: 1200 }\n      - { accion: A1, estado: en_curso, valor: 12000 }",
        correcto: "      - { accion: A1, estado: en_curso, valor: 1200 }",
    },
    comprobar: Comprobacion::Seguimiento(pasa_la_meta),
};

fn pasa_la_meta(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    series(ctx)
        .iter()
        .filter_map(|s| {
            let recorrido = Recorrido::de(s.accion)?;
            let valor = s.reporte.valor?;
            (recorrido.fraccion(valor) > 1.0).then(|| {
                Hallazgo::en(
                    en(s, "valor"),
                    format!(
                        "el valor {} de `{}` pasa la meta de su indicador ({})",
                        numero(valor),
                        s.accion.id,
                        numero(recorrido.meta)
                    ),
                    "Revise la cifra: el valor es lo alcanzado hasta la fecha del corte, en la unidad del indicador. Si de verdad se pasó la meta, el informe muestra la acción al 100 %.",
                )
            })
        })
        .collect()
}

/// A value that moves away from its target.
pub static M008: Regla = Regla {
    codigo: "M008",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Valor del indicador que se aleja de la meta",
    explicacion: Explicacion {
        que: "Que el `valor` de una acción no se aleje de la meta respecto del corte anterior (o, en el primer corte, respecto de la línea base): que no baje cuando la meta es mayor que la línea base, ni suba cuando es menor.",
        por_que: "El valor es acumulado: lo alcanzado desde el inicio del plan. Si baja entre dos cortes, o uno de los dos está mal escrito, o se informó solo lo del último período; el porcentaje de avance del informe retrocedería sin razón.",
        incorrecto: "# corte del 31 de marzo: valor 420\n# corte del 30 de junio:\n      - { accion: A1, estado: en_curso, valor: 180 }   # solo lo de este trimestre",
        correcto: "      - { accion: A1, estado: en_curso, valor: 600 }   # 420 + 180",
    },
    comprobar: Comprobacion::Seguimiento(se_aleja),
};

fn se_aleja(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    series(ctx)
        .iter()
        .filter_map(|s| {
            let recorrido = Recorrido::de(s.accion)?;
            let valor = s.reporte.valor?;
            let (antes, desde) = match s.anterior.and_then(|(c, r)| Some((c, r.valor?))) {
                Some((c, v)) => (v, format!("{} en el corte del {}", numero(v), fecha_larga(c.fecha_corte))),
                None => (
                    recorrido.base,
                    format!("su línea base, {}", numero(recorrido.base)),
                ),
            };
            recorrido.retrocede(antes, valor).then(|| {
                Hallazgo::en(
                    en(s, "valor"),
                    format!(
                        "el valor {} de `{}` se aleja de la meta ({}): venía de {desde}",
                        numero(valor),
                        s.accion.id,
                        numero(recorrido.meta)
                    ),
                    "El valor es acumulado, desde el inicio del plan hasta la fecha del corte: sume lo de este período a lo anterior, o corrija la cifra que esté mal escrita.",
                )
            })
        })
        .collect()
}

/// An accumulated executed amount that goes down.
pub static M009: Regla = Regla {
    codigo: "M009",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Monto ejecutado acumulado que disminuye",
    explicacion: Explicacion {
        que: "Que el `ejecutado` de una acción no sea menor que el del corte anterior: es lo gastado desde el inicio del plan, y lo gastado no se deshace.",
        por_que: "Un monto acumulado que baja dice que uno de los dos cortes está mal: la ejecución por año del informe de avance saldría negativa y el total ejecutado no cuadraría con las cuentas del GAD.",
        incorrecto: "# corte del 31 de marzo: ejecutado 1500.00\n# corte del 30 de junio:\n      - { accion: A1, estado: en_curso, ejecutado: 900.00 }   # solo lo del trimestre",
        correcto: "      - { accion: A1, estado: en_curso, ejecutado: 2400.00 }   # 1500 + 900",
    },
    comprobar: Comprobacion::Seguimiento(ejecutado_baja),
};

fn ejecutado_baja(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    series(ctx)
        .iter()
        .filter_map(|s| {
            let ahora = s.reporte.ejecutado?;
            let (corte, antes) = s.anterior.and_then(|(c, r)| Some((c, r.ejecutado?)))?;
            (ahora < antes).then(|| {
                Hallazgo::en(
                    en(s, "ejecutado"),
                    format!(
                        "el ejecutado de `{}` baja de {} (corte del {}) a {}",
                        s.accion.id,
                        usd(antes),
                        fecha_larga(corte.fecha_corte),
                        usd(ahora)
                    ),
                    "El ejecutado es acumulado: escriba lo gastado desde el inicio del plan hasta la fecha del corte, que incluye lo de los cortes anteriores.",
                )
            })
        })
        .collect()
}

/// More executed than the action's budget.
pub static M010: Regla = Regla {
    codigo: "M010",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Ejecutado mayor que el presupuesto de la acción",
    explicacion: Explicacion {
        que: "Que el `ejecutado` de una acción no pase su presupuesto en el plan.",
        por_que: "Gastar más de lo presupuestado requiere una reforma presupuestaria; si no la hubo, la cifra está mal escrita. En el informe de avance la acción aparecería con más del 100 % ejecutado.",
        incorrecto: "# presupuesto: { monto: 4500.00 }\n      - { accion: A1, estado: en_curso, ejecutado: 45000.00 }",
        correcto: "      - { accion: A1, estado: en_curso, ejecutado: 4500.00 }",
    },
    comprobar: Comprobacion::Seguimiento(mas_que_el_presupuesto),
};

fn mas_que_el_presupuesto(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    series(ctx)
        .iter()
        .filter_map(|s| {
            let ejecutado = s.reporte.ejecutado?;
            let monto = s.accion.presupuesto.as_ref()?.monto;
            (monto > 0.0 && ejecutado > monto).then(|| {
                Hallazgo::en(
                    en(s, "ejecutado"),
                    format!(
                        "el ejecutado de `{}` ({}) pasa su presupuesto en el plan ({})",
                        s.accion.id,
                        usd(ejecutado),
                        usd(monto)
                    ),
                    "Revise la cifra; si hubo una reforma presupuestaria, actualice el presupuesto de la acción en el plan con la aprobación del Concejo.",
                )
            })
        })
        .collect()
}

/// Money executed on an action without budget.
pub static M011: Regla = Regla {
    codigo: "M011",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Monto ejecutado en una acción sin presupuesto",
    explicacion: Explicacion {
        que: "Que una acción sin presupuesto en el plan (o con presupuesto 0) no informe dinero ejecutado.",
        por_que: "El dinero gastado en una acción que el plan no presupuestó no cabe en la ejecución por eje y por fuente del informe de avance: o falta el presupuesto en el plan, o el gasto es de otra acción.",
        incorrecto: "# la acción A2 no tiene presupuesto en el plan\n      - { accion: A2, estado: en_curso, ejecutado: 800.00 }",
        correcto: "# en el plan: presupuesto: { monto: 2000.00, fuente: GAD Municipal }\n      - { accion: A2, estado: en_curso, ejecutado: 800.00 }",
    },
    comprobar: Comprobacion::Seguimiento(sin_presupuesto),
};

fn sin_presupuesto(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    series(ctx)
        .iter()
        .filter_map(|s| {
            let ejecutado = s.reporte.ejecutado.filter(|e| *e > 0.0)?;
            let monto = s.accion.presupuesto.as_ref().map_or(0.0, |p| p.monto);
            (monto <= 0.0).then(|| {
                Hallazgo::en(
                    en(s, "ejecutado"),
                    format!(
                        "`{}` no tiene presupuesto en el plan y el corte del {} informa {} ejecutados",
                        s.accion.id,
                        fecha_larga(s.corte.fecha_corte),
                        usd(ejecutado)
                    ),
                    "Agregue el presupuesto de la acción al plan (con su fuente), o informe el gasto en la acción a la que corresponde.",
                )
            })
        })
        .collect()
}
