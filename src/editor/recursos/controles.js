// Los controles del formulario, uno por clase de campo del catálogo (texto, párrafos, número,
// monto, fecha, sí o no, valores fijos, catálogos, referencias a actores u objetivos, lugares,
// conteos, grupos y listas). Cada uno lleva su etiqueta, su ayuda y, si es obligatorio, la marca
// «(obligatorio)» y aria-required; sus mensajes de diagnóstico se enlazan con aria-describedby.

import { el, plegar } from './dom.js';
import { escribirNumero, leerNumero } from './numeros.js';
import { S, cambiar, clave, estructural, leer, listaDe, nombreDe, vacio } from './estado.js';

/** El id de un control: el mismo para el mismo campo en cada repintado (el foco vuelve a él). */
export const idDe = (camino) => 'f-' + camino.map((s) => String(s).replace(/[^A-Za-z0-9_]/g, '_')).join('-');

/** El texto de ayuda de un campo: la ayuda del catálogo y un ejemplo. */
function textoAyuda(campo) {
  return campo.ejemplo ? `${campo.ayuda} Ejemplo: ${campo.ejemplo}.` : campo.ayuda;
}

/** La etiqueta de un campo, con «(obligatorio)» cuando lo es. */
export function etiqueta(campo) {
  return campo.requerido === 'si' ? `${campo.etiqueta} (obligatorio)` : campo.etiqueta;
}

/** La caja de un campo: etiqueta, control, ayuda y el lugar de sus mensajes. */
function caja(campo, camino, control, ...extra) {
  const id = idDe(camino);
  const idAyuda = `${id}-ayuda`;
  const idMensajes = `${id}-mensajes`;
  control.id = id;
  control.setAttribute('aria-describedby', `${idAyuda} ${idMensajes}`);
  if (campo.requerido === 'si') control.setAttribute('aria-required', 'true');
  return el('div', { clase: 'campo', 'data-camino': clave(camino) },
    el('label', { for: id, texto: etiqueta(campo) }),
    control, ...extra,
    el('p', { clase: 'ayuda', id: idAyuda, texto: textoAyuda(campo) }),
    el('div', { clase: 'mensajes', id: idMensajes }));
}

/** Un `<select>` con sus opciones [valor, texto] y, opcionalmente, grupos. */
function selector(opciones, valor, { vacio: textoVacio = '— elija —', grupos = [] } = {}) {
  const s = el('select', {}, el('option', { value: '', texto: textoVacio }));
  for (const [v, t] of opciones) s.append(el('option', { value: v, texto: t }));
  for (const [titulo, ops] of grupos) {
    if (!ops.length) continue;
    const g = el('optgroup', { label: titulo });
    for (const [v, t] of ops) g.append(el('option', { value: v, texto: t }));
    s.append(g);
  }
  const todas = [...opciones, ...grupos.flatMap(([, o]) => o)];
  if (valor && !todas.some(([v]) => v === valor)) s.append(el('option', { value: valor, texto: `${valor} (no está en la lista)` }));
  s.value = valor ?? '';
  return s;
}

/** Las opciones de un catálogo nacional: las vigentes, y aparte las que ya no existen. */
function opcionesCatalogo(catalogo) {
  const valores = S.catalogos[catalogo] || [];
  const vigentes = valores.filter((o) => o.vigente).map((o) => [o.id, o.nombre]);
  const anteriores = valores.filter((o) => !o.vigente).map((o) => [o.id, `${o.nombre} (ya no existe. ${o.nota || ''})`.trim()]);
  return { vigentes, anteriores };
}

/** Las opciones de una referencia: los elementos de una lista del plan. */
function opcionesReferencia(lista) {
  return listaDe(lista)
    .filter((o) => o && o.id)
    .map((o) => [o.id, `${o.id} — ${o.nombre || o.titulo || o.descripcion || ''}`]);
}

/** Markdown mínimo y seguro para ver cómo queda un texto de párrafos: siempre como texto. */
function markdown(texto) {
  const bloques = []; let lista = null; let parrafo = [];
  const linea = (t) => {
    const frag = document.createDocumentFragment();
    for (const p of t.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)) {
      if (/^\*\*[^*]+\*\*$/.test(p)) frag.append(el('strong', { texto: p.slice(2, -2) }));
      else if (/^\*[^*]+\*$/.test(p)) frag.append(el('em', { texto: p.slice(1, -1) }));
      else if (p) frag.append(document.createTextNode(p));
    }
    return frag;
  };
  const cerrar = () => { if (parrafo.length) { bloques.push(el('p', {}, linea(parrafo.join(' ')))); parrafo = []; } };
  for (const l of texto.split('\n')) {
    const item = l.match(/^\s*[-*]\s+(.*)$/);
    if (item) { cerrar(); if (!lista) { lista = el('ul'); bloques.push(lista); } lista.append(el('li', {}, linea(item[1]))); continue; }
    lista = null;
    if (!l.trim()) cerrar(); else parrafo.push(l.trim());
  }
  cerrar();
  return bloques;
}

/** El control de un campo escalar o de varios valores, en `camino`. */
export function control(campo, camino) {
  const t = campo.tipo;
  const valor = leer(camino);
  const sin = () => cambiar(camino, vacio(campo));
  switch (t.tipo) {
    case 'texto': {
      const c = el('input', { type: 'text', value: valor ?? '' });
      c.addEventListener('input', () => (c.value === '' ? sin() : cambiar(camino, c.value)));
      return caja(campo, camino, c);
    }
    case 'parrafos': {
      const c = el('textarea', {});
      c.value = valor ?? '';
      const vista = el('div', { clase: 'md-vista' });
      const pintar = () => vista.replaceChildren(...markdown(c.value));
      pintar();
      c.addEventListener('input', () => { (c.value === '' ? sin() : cambiar(camino, c.value)); pintar(); });
      return caja(campo, camino, c, el('p', { clase: 'md-titulo', texto: 'Así se verá:' }), vista);
    }
    case 'entero': case 'numero': case 'monto': {
      const entero = t.tipo === 'entero';
      const decimales = t.tipo === 'monto' && typeof valor === 'number' ? 2 : undefined;
      const c = el('input', { type: 'text', inputmode: entero ? 'numeric' : 'decimal', value: escribirNumero(valor, { decimales, agrupar: !entero }) });
      const leido = el('p', { clase: 'interpretado', 'aria-live': 'polite' });
      c.addEventListener('input', () => {
        if (c.value.trim() === '') { leido.textContent = ''; sin(); return; }
        const n = leerNumero(c.value);
        if (n === null || (entero && !Number.isInteger(n))) {
          leido.textContent = entero ? 'Escriba un número entero, por ejemplo 24.' : 'Escriba un número como 1.500,50 (punto entre los miles, coma antes de los centavos).';
          return;
        }
        leido.textContent = t.tipo === 'monto' ? `Se guardará como ${escribirNumero(n, { decimales: 2 })} dólares.` : `Se guardará como ${escribirNumero(n, { agrupar: !entero })}.`;
        cambiar(camino, n);
      });
      return caja(campo, camino, c, leido);
    }
    case 'fecha': {
      const c = el('input', { type: 'date', value: valor ?? '' });
      c.addEventListener('input', () => (c.value ? cambiar(camino, c.value) : sin()));
      return caja(campo, camino, c);
    }
    case 'si_no': {
      const c = selector([['si', 'Sí'], ['no', 'No']], valor === true ? 'si' : valor === false ? 'no' : '', { vacio: '— sin indicar —' });
      c.addEventListener('change', () => (c.value === '' ? cambiar(camino, undefined) : cambiar(camino, c.value === 'si')));
      return caja(campo, camino, c);
    }
    case 'opcion': {
      const c = selector(t.valores.map((v) => [v.id, v.nombre]), valor);
      c.addEventListener('change', () => (c.value === '' ? sin() : cambiar(camino, c.value)));
      return caja(campo, camino, c);
    }
    case 'catalogo': case 'referencia': {
      const { vigentes, anteriores } = t.tipo === 'catalogo' ? opcionesCatalogo(t.catalogo) : { vigentes: opcionesReferencia(t.lista), anteriores: [] };
      const c = selector(vigentes, valor, { grupos: [['Ya no existen (elija la que las sucedió)', anteriores]] });
      c.addEventListener('change', () => (c.value === '' ? sin() : cambiar(camino, c.value)));
      // Lo que la referencia mide, cuando la lista lo dice (la meta y el plazo de una acción, en
      // un seguimiento): junto a su control, sin ir a buscarlo al plan.
      const ref = t.tipo === 'referencia' ? listaDe(t.lista).find((o) => o && o.id === valor) : null;
      return caja(campo, camino, c, ref && ref.detalle ? el('p', { clase: 'interpretado', texto: ref.detalle }) : null);
    }
    case 'catalogos': case 'referencias': return varios(campo, camino, valor);
    case 'lugares': case 'textos': {
      const c = el('textarea', { clase: 'corto' });
      c.value = (valor || []).join('\n');
      c.addEventListener('input', () => {
        const l = c.value.split('\n').map((x) => x.trim()).filter(Boolean);
        cambiar(camino, l.length || campo.requerido === 'si' ? l : undefined);
      });
      return caja(campo, camino, c, el('p', { clase: 'interpretado', texto: t.tipo === 'textos' ? 'Una por línea.' : 'Uno por línea.' }));
    }
    case 'conteos': return conteos(campo, camino, valor || {});
    default: return el('p', { texto: String(valor ?? '') });
  }
}

/** Varios valores de un catálogo o de una lista del plan: los elegidos y un selector. */
function varios(campo, camino, valor) {
  const t = campo.tipo;
  const todas = t.tipo === 'catalogos'
    ? (S.catalogos[t.catalogo] || []).map((o) => [o.id, o.nombre])
    : opcionesReferencia(t.lista);
  const nombres = new Map(todas);
  const elegidos = Array.isArray(valor) ? valor : [];
  const id = idDe(camino);
  const chips = el('ul', { clase: 'chips', 'aria-label': `${campo.etiqueta}: elegidos` });
  for (const v of elegidos) {
    const nombre = nombres.get(v) || (t.tipo === 'catalogos' ? nombreDe(t.catalogo, v) : v);
    chips.append(el('li', { clase: 'chip' }, nombre,
      el('button', {
        type: 'button', id: `${id}-quitar-${String(v).replace(/[^A-Za-z0-9_]/g, '_')}`, 'aria-label': `Quitar ${nombre} de ${campo.etiqueta}`, texto: '×',
        onclick: () => {
          const resto = elegidos.filter((x) => x !== v);
          estructural(() => cambiarSinDeshacer(camino, resto.length || campo.requerido === 'si' ? resto : undefined), { foco: () => id });
        },
      })));
  }
  const c = selector(todas.filter(([v]) => !elegidos.includes(v)), '', { vacio: '— agregar —' });
  c.addEventListener('change', () => {
    if (!c.value) return;
    estructural(() => cambiarSinDeshacer(camino, [...elegidos, c.value]), { foco: () => id });
  });
  return caja(campo, camino, c, chips);
}

/** Cambia un valor dentro de un cambio estructural (que ya guardó su paso de deshacer). */
function cambiarSinDeshacer(camino, valor) {
  let n = S.valor;
  for (let i = 0; i < camino.length - 1; i++) {
    if (n[camino[i]] === undefined || n[camino[i]] === null) n[camino[i]] = typeof camino[i + 1] === 'number' ? [] : {};
    n = n[camino[i]];
  }
  if (valor === undefined) delete n[camino[camino.length - 1]]; else n[camino[camino.length - 1]] = valor;
}

/** Un número de casos por cada valor de un catálogo (los casos por fin de explotación). */
function conteos(campo, camino, valor) {
  const filas = (S.catalogos[campo.tipo.catalogo] || []).map((o) => {
    const propio = [...camino, o.id];
    const c = el('input', { type: 'text', inputmode: 'numeric', id: idDe(propio), value: valor[o.id] ?? '' });
    c.addEventListener('input', () => {
      const n = leerNumero(c.value);
      const actual = { ...(leer(camino) || {}) };
      if (c.value.trim() === '' || n === null || !Number.isInteger(n)) delete actual[o.id]; else actual[o.id] = n;
      cambiar(camino, Object.keys(actual).length ? actual : undefined);
    });
    return el('div', { clase: 'conteo' }, el('label', { for: idDe(propio), texto: o.nombre }), c);
  });
  return el('fieldset', { clase: 'campo grupo', 'data-camino': clave(camino) },
    el('legend', { texto: etiqueta(campo) }),
    el('p', { clase: 'ayuda', id: `${idDe(camino)}-ayuda`, texto: textoAyuda(campo) }),
    el('div', { clase: 'conteos' }, ...filas),
    el('div', { clase: 'mensajes', id: `${idDe(camino)}-mensajes` }));
}

/** Un texto de búsqueda sin tildes (para los filtros de las listas). */
export const buscable = plegar;
