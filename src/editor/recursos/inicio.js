// La página de inicio: los planes de la carpeta (cada uno con lo que le falta) y el formulario
// para crear uno nuevo a partir del nombre o el código INEC de su cantón.

import { $, aviso, el } from './dom.js';
import { api } from './api.js';

/** Pinta la lista de planes; `abrir(archivo)` abre uno. */
export async function pintarInicio(abrir) {
  const cuerpo = $('#tabla-planes tbody');
  cuerpo.replaceChildren(el('tr', {}, el('td', { colspan: '4', texto: 'Leyendo los planes de la carpeta…' })));
  const r = await api('GET', '/api/planes');
  cuerpo.replaceChildren();
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  for (const p of r.datos.planes) {
    cuerpo.append(el('tr', {},
      el('th', { scope: 'row' }, el('button', { type: 'button', clase: 'enlace', texto: p.archivo, onclick: () => abrir(p.archivo) })),
      el('td', { texto: p.canton || '' }),
      el('td', { texto: p.estado || '' }),
      el('td', { texto: p.resumen ? p.resumen.texto : '' })));
  }
  if (!cuerpo.children.length) cuerpo.append(el('tr', {}, el('td', { colspan: '4', texto: 'No hay planes en esta carpeta. Cree uno abajo.' })));
}

/** Crea un plan con el cantón escrito en el formulario y lo abre. */
export async function crear(ev, abrir) {
  ev.preventDefault();
  const entrada = $('#nuevo-canton');
  const m = $('#nuevo-mensaje');
  const q = entrada.value.trim();
  if (!q) { m.textContent = 'Escriba el nombre o el código INEC del cantón, por ejemplo «Sucúa» o «1406».'; entrada.focus(); return; }
  const b = await api('GET', `/api/cantones?q=${encodeURIComponent(q)}`);
  if (!b.ok || !b.datos.canton) {
    m.textContent = b.datos.mensaje;
    entrada.setAttribute('aria-invalid', 'true');
    entrada.focus();
    return;
  }
  entrada.removeAttribute('aria-invalid');
  const r = await api('POST', '/api/nuevo', { canton: q });
  if (!r.ok) { m.textContent = r.datos.mensaje; entrada.focus(); return; }
  m.textContent = `Se creó ${r.datos.archivo} para ${b.datos.canton.nombre} (${b.datos.canton.provincia}).`;
  entrada.value = '';
  await abrir(r.datos.archivo);
}
