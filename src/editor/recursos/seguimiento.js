// El seguimiento de un plan aprobado en la página: pasar del plan a su archivo de seguimiento
// (`<plan>.seguimiento.yaml`) y agregarle cortes. Un corte nuevo lo escribe el servidor tal como
// lo escribe `cantonal seguimiento PLAN --corte FECHA` (una entrada por acción, con lo que
// informó el corte anterior; los cortes ya escritos no cambian); después el seguimiento se edita,
// se revisa, se ve y se guarda con los mismos formularios, diagnósticos y vista previa que el
// plan, porque su catálogo de campos llega del mismo lugar (GET /api/formato).

import { el } from './dom.js';
import { api } from './api.js';

/** Lo que el servidor sabe del seguimiento del plan `plan`: el nombre de su archivo, si existe,
 * las fechas de sus cortes, si el plan puede seguirse (y por qué no) y la fecha de hoy. */
export function infoSeguimiento(plan) {
  return api('GET', `/api/seguimiento?archivo=${encodeURIComponent(plan)}`);
}

/**
 * El formulario de un corte nuevo: su fecha y, para un plan que no está aprobado, la opción de
 * practicar. `agregar({ fecha, borrador })` lo envía y devuelve el mensaje de lo que falló, o
 * nada si se agregó.
 */
export function formularioCorte(info, agregar) {
  const fecha = el('input', {
    type: 'date', id: 'corte-fecha', value: info.hoy, max: info.hoy, required: true,
    'aria-required': 'true', 'aria-describedby': 'corte-fecha-ayuda corte-mensaje',
  });
  const partes = [
    el('h3', { id: 'corte-titulo', texto: info.cortes && info.cortes.length ? 'Agregar un corte' : 'Primer corte' }),
    el('label', { for: 'corte-fecha', texto: 'Fecha del corte (obligatorio)' }),
    fecha,
    el('p', {
      clase: 'ayuda', id: 'corte-fecha-ayuda',
      texto: 'El día hasta el que se informa, por ejemplo el último día del trimestre. Se agrega una entrada por cada acción del plan con lo que dijo el corte anterior; los cortes ya escritos no cambian.',
    }),
  ];
  let practica = null;
  if (info.motivo) {
    practica = el('input', { type: 'checkbox', id: 'corte-borrador' });
    partes.push(el('p', { clase: 'motivo', id: 'corte-motivo', texto: info.motivo }),
      el('div', { clase: 'casilla' }, practica, el('label', { for: 'corte-borrador', texto: 'Practicar con un plan sin aprobar' })));
  }
  const mensaje = el('p', { id: 'corte-mensaje', role: 'status' });
  const boton = el('button', {
    type: 'button', clase: 'principal', id: 'corte-agregar', texto: 'Agregar el corte',
    onclick: async () => {
      mensaje.textContent = '';
      fecha.removeAttribute('aria-invalid');
      if (!fecha.value) {
        mensaje.textContent = 'Elija la fecha del corte.';
        fecha.setAttribute('aria-invalid', 'true');
        fecha.focus();
        return;
      }
      boton.disabled = true;
      const falla = await agregar({ fecha: fecha.value, borrador: practica ? practica.checked : false });
      if (!boton.isConnected) return;
      boton.disabled = false;
      if (falla) {
        mensaje.textContent = falla;
        fecha.setAttribute('aria-invalid', 'true');
        fecha.focus();
      }
    },
  });
  partes.push(boton, mensaje);
  return el('div', { clase: 'nuevo-corte', role: 'group', 'aria-labelledby': 'corte-titulo' }, ...partes);
}
