// Las observaciones del asesor (el archivo `<plan>.observaciones.yaml`): en el panel, cada una
// con el lugar que observa (como lo nombra el formulario) y el botón para resolverla o
// reabrirla; junto al elemento que observan, una nota. En modo asesor se agregan desde la
// cabecera de cada elemento, desde la sección, o sobre una etapa de la ruta que falta.

import { $, aviso, el } from './dom.js';
import { api } from './api.js';
import { idDe } from './controles.js';
import { S, clave, leer } from './estado.js';

let contador = 0;

/** Lee las observaciones del plan abierto. */
export async function cargarObservaciones() {
  const r = await api('GET', `/api/observaciones?archivo=${encodeURIComponent(S.archivo)}`);
  if (r.ok) S.obs = r.datos;
  else { S.obs = { existe: false, observaciones: [] }; aviso(r.datos.mensaje); }
}

/** Envía un cambio de las observaciones; devuelve si se guardó. */
async function observar(pedido, repintar) {
  const revisor = document.getElementById('obs-revisor');
  const r = await api('POST', '/api/observaciones', {
    archivo: S.archivo, revisor: !S.obs.existe && revisor ? revisor.value : undefined, ...pedido,
  });
  if (!r.ok) { aviso(r.datos.mensaje); return false; }
  S.obs = r.datos;
  repintar();
  return true;
}

/** El formulario para escribir una observación sobre `destino` ({ camino } o { ruta }), tras `boton`. */
function escribir(boton, destino, nombre, repintar) {
  const id = `obs-nueva-${++contador}`;
  const texto = el('textarea', { id });
  const form = el('div', { clase: 'obs' },
    el('label', { for: id, texto: `Observación sobre ${nombre}` }), texto,
    el('div', { clase: 'botones' },
      el('button', {
        type: 'button', clase: 'principal', texto: 'Guardar observación',
        onclick: async () => {
          if (!texto.value.trim()) { texto.focus(); aviso('Escriba la observación antes de guardarla.'); return; }
          if (await observar({ accion: 'agregar', ...destino, texto: texto.value }, repintar)) boton.focus();
        },
      }),
      el('button', { type: 'button', texto: 'Cancelar', onclick: () => { form.remove(); boton.focus(); } })));
  boton.after(form);
  texto.focus();
}

/** Pinta las observaciones en el panel y junto a lo que observan; en modo asesor, los botones
 * para agregarlas. */
export function pintarObservaciones({ irA, repintar }) {
  const f = $('#formulario');
  f.querySelectorAll('.obs-nota, .insignia.obs, .observar').forEach((n) => n.remove());
  const panel = $('#obs-panel');
  const lista = $('#obs-lista');
  lista.replaceChildren();
  const obs = S.obs.observaciones || [];
  panel.hidden = !S.asesor && !obs.length;
  if (S.asesor && !S.obs.existe) {
    lista.append(el('li', {}, el('label', { for: 'obs-revisor', texto: 'Quién revisa (institución o cargo)' }), el('input', { id: 'obs-revisor', type: 'text' })));
  }
  obs.forEach((o, i) => {
    const resuelta = o.estado === 'resuelta';
    const lugar = o.lugar || o.ruta || 'El plan en general';
    const li = el('li', { clase: `obs${resuelta ? ' resuelta' : ''}` });
    if (o.camino) li.append(el('button', { type: 'button', clase: 'enlace', texto: lugar, onclick: () => irA(o.camino, o.seccion) }));
    else li.append(el('span', { texto: `${lugar} (ya no está en el plan)` }));
    li.append(`: ${o.texto}`, resuelta ? ' (resuelta)' : '', ' ',
      el('button', {
        type: 'button', id: `obs-${i}-estado`, texto: resuelta ? 'Reabrir' : 'Marcar resuelta',
        onclick: () => observar({ accion: resuelta ? 'reabrir' : 'resolver', indice: i }, () => { repintar(); document.getElementById(`obs-${i}-estado`)?.focus(); }),
      }));
    lista.append(li);
    if (resuelta || !o.camino || o.seccion !== S.seccion) return;
    for (let n = o.camino.length; n > 0; n--) {
      const nodo = f.querySelector(`[data-camino="${CSS.escape(clave(o.camino.slice(0, n)))}"]`);
      if (!nodo) continue;
      const cuerpo = nodo.querySelector(':scope > .cuerpo');
      if (cuerpo && cuerpo.hidden) nodo.querySelector('.cabeza .abrir').append(' ', el('span', { clase: 'insignia obs', texto: 'observación' }));
      else (cuerpo || nodo).prepend(el('p', { clase: 'obs obs-nota', texto: `Observación del asesor: ${o.texto}` }));
      break;
    }
  });
  if (!S.asesor) return;
  // Sobre la sección entera.
  const s = S.formato.secciones.find((x) => x.id === S.seccion);
  const clavePrincipal = s.claves[0] || (s.vista && s.vista[0]);
  if (clavePrincipal) {
    const b = el('button', { type: 'button', clase: 'enlace observar', id: 'observar-seccion', texto: `Agregar observación sobre «${s.titulo}»` });
    b.addEventListener('click', () => escribir(b, { camino: [clavePrincipal] }, `«${s.titulo}»`, repintar));
    document.getElementById('titulo-seccion')?.after(b);
  }
  // Sobre cada elemento.
  for (const item of f.querySelectorAll('.item[data-item]')) {
    const camino = JSON.parse(item.dataset.camino);
    const nombre = item.querySelector('.cabeza .resumen').textContent;
    const b = el('button', { type: 'button', clase: 'enlace observar', id: `${idDe(camino)}-observar`, 'aria-label': `Observar ${nombre}`, texto: 'Observar' });
    b.addEventListener('click', () => escribir(b, { camino }, nombre, repintar));
    item.querySelector('.cabeza').append(b);
  }
  // Sobre una etapa de la ruta que el plan no tiene.
  const tiene = new Set((leer(['ruta_atencion']) || []).map((e) => e && e.etapa));
  const faltan = (S.catalogos.etapas || []).filter((e) => !tiene.has(e.id));
  if (faltan.length) {
    const sel = el('select', { id: 'obs-falta' }, ...faltan.map((e) => el('option', { value: `ruta_atencion.${e.id}`, texto: e.nombre })));
    const b = el('button', { type: 'button', texto: 'Observar' });
    b.addEventListener('click', () => escribir(b, { ruta: sel.value }, `la etapa «${sel.selectedOptions[0].textContent}», que falta en la ruta`, repintar));
    lista.append(el('li', {}, el('label', { for: 'obs-falta', texto: 'Observar una etapa que falta en la ruta' }), ' ', sel, ' ', b));
  }
}
