// El estado de la página, en un solo lugar: el archivo que se edita (un plan o el seguimiento de
// un plan, como datos), el catálogo de campos que llega del servidor, los diagnósticos, lo que
// está abierto, deshacer y rehacer.
// Este módulo no toca la página: las vistas leen S y llaman a estas funciones para cambiarlo,
// y las pruebas lo usan sin navegador (tests/js/).

import { fechaLarga } from './numeros.js';

export const S = {
  vista: 'inicio',
  formas: null, // { plan, seguimiento }: los campos y las secciones de cada clase de archivo
  formato: null, // { id, nombre, documento, secciones, campos }: la del archivo abierto
  archivo: null,
  plan: null, // el plan de un seguimiento abierto
  listas: null, // lo que nombran las referencias de un seguimiento: las acciones de su plan
  descarga: '', // el nombre, sin extensión, de lo que se descarga
  infoSeguimiento: null, // de un seguimiento abierto: su plan puede seguirse, hoy (GET /api/seguimiento)
  canton: '',
  version: null,
  valor: null,
  guardado: 'null', // el valor tal como está en el disco (JSON)
  resumen: { avisos: [], secciones: {}, total: { texto: '' } },
  catalogos: {},
  pendiente: 'POR COMPLETAR',
  seccion: 'general',
  abiertos: new Set(),
  deshacer: [],
  rehacer: [],
  sucio: false,
  paginas: [],
  borrador: false,
  obs: { existe: false, observaciones: [] },
  asesor: false,
  mostrar: {},
  filtro: {},
  ultimoCampo: null,
};

const copia = (v) => JSON.parse(JSON.stringify(v));
export const clave = (camino) => JSON.stringify(camino);

/** El valor en `camino` (claves y posiciones) dentro de `raiz`. */
export function leer(camino, raiz = S.valor) {
  let n = raiz;
  for (const s of camino) {
    if (n === null || n === undefined) return undefined;
    n = n[s];
  }
  return n;
}

/** El campo del catálogo en `camino`, o null. */
export function campoDe(camino, campos = S.formato.campos) {
  let lista = campos;
  let actual = null;
  for (const s of camino) {
    if (typeof s === 'number') {
      if (!actual) return null;
      if (actual.tipo.tipo === 'lista') { lista = actual.tipo.lista.campos; continue; }
      return actual;
    }
    actual = lista.find((c) => c.clave === s) || null;
    if (!actual) return null;
    lista = hijos(actual);
  }
  return actual;
}

/** Los campos de un grupo o de los elementos de una lista. */
export function hijos(campo) {
  if (campo.tipo.tipo === 'grupo') return campo.tipo.campos;
  if (campo.tipo.tipo === 'lista') return campo.tipo.lista.campos;
  return [];
}

function poner(camino, v) {
  let n = S.valor;
  for (let i = 0; i < camino.length - 1; i++) {
    const s = camino[i];
    if (n[s] === undefined || n[s] === null || typeof n[s] !== 'object') n[s] = typeof camino[i + 1] === 'number' ? [] : {};
    n = n[s];
  }
  n[camino[camino.length - 1]] = v;
}

/** Quita el valor en `camino`; un grupo opcional que queda vacío se va con él. */
function quitar(camino) {
  const padre = leer(camino.slice(0, -1));
  if (!padre || typeof padre !== 'object') return;
  if (Array.isArray(padre)) padre.splice(camino[camino.length - 1], 1);
  else delete padre[camino[camino.length - 1]];
  const grupo = camino.slice(0, -1);
  const c = grupo.length ? campoDe(grupo) : null;
  if (c && c.tipo.tipo === 'grupo' && c.requerido !== 'si' && !Array.isArray(padre) && Object.keys(padre).length === 0) quitar(grupo);
}

/** Qué se guarda cuando un campo queda vacío: un texto obligatorio queda como texto vacío (el
 * diagnóstico dice que falta), uno opcional desaparece del archivo. */
export function vacio(campo) {
  return campo && campo.requerido === 'si' ? '' : undefined;
}

let ultimoDeshacer = { clave: null, t: 0 };
let alCambiar = () => {};
/** Lo que hay que hacer después de cada cambio (pintar, validar, guardar la copia). */
export function trasCambio(f) { alCambiar = f; }

function instantanea() {
  S.deshacer.push(JSON.stringify(S.valor));
  if (S.deshacer.length > 200) S.deshacer.shift();
  S.rehacer = [];
}

/** Cambia el valor de un campo; varios cambios seguidos del mismo campo se deshacen juntos. */
export function cambiar(camino, valor) {
  const k = clave(camino);
  const ahora = Date.now();
  if (ultimoDeshacer.clave !== k || ahora - ultimoDeshacer.t > 1500) instantanea();
  ultimoDeshacer = { clave: k, t: ahora };
  if (valor === undefined) quitar(camino); else poner(camino, valor);
  S.ultimoCampo = camino;
  marcarSucio();
  alCambiar({ estructura: false, camino });
}

/**
 * Un cambio de la forma del plan (agregar, quitar o mover un elemento): se deshace solo.
 * `opciones.foco` da el id del control que recibe el foco después de repintar; `opciones.aviso`,
 * el aviso que lo acompaña (con «Deshacer»).
 */
export function estructural(f, opciones = {}) {
  instantanea();
  ultimoDeshacer = { clave: null, t: 0 };
  f();
  marcarSucio();
  alCambiar({ estructura: true, ...opciones });
}

export function deshacer() {
  if (!S.deshacer.length) return;
  S.rehacer.push(JSON.stringify(S.valor));
  S.valor = JSON.parse(S.deshacer.pop());
  ultimoDeshacer = { clave: null, t: 0 };
  marcarSucio();
  alCambiar({ estructura: true });
}

export function rehacer() {
  if (!S.rehacer.length) return;
  S.deshacer.push(JSON.stringify(S.valor));
  S.valor = JSON.parse(S.rehacer.pop());
  ultimoDeshacer = { clave: null, t: 0 };
  marcarSucio();
  alCambiar({ estructura: true });
}

export function marcarSucio() {
  S.sucio = JSON.stringify(S.valor) !== S.guardado;
}

/** Un archivo recién abierto (un plan o un seguimiento), con la forma que le corresponde. */
export function abrir(datos) {
  const formato = (S.formas && S.formas[datos.forma || 'plan']) || S.formato;
  Object.assign(S, {
    vista: 'plan',
    formato,
    archivo: datos.archivo,
    plan: datos.plan || null,
    listas: datos.listas || null,
    descarga: datos.descarga || String(datos.archivo || '').replace(/\.yaml$/, '').split('/').pop(),
    canton: datos.canton || '',
    version: datos.version,
    valor: datos.valor,
    guardado: JSON.stringify(datos.valor),
    resumen: datos.resumen,
    catalogos: datos.catalogos,
    pendiente: datos.pendiente,
    deshacer: [], rehacer: [], abiertos: new Set(), paginas: [], borrador: false,
    seccion: formato.secciones[0].id, mostrar: {}, filtro: {}, ultimoCampo: null, sucio: false,
  });
}

// ---------------------------------------------------------------- listas
/** El siguiente id de una lista: el prefijo del catálogo y un número más que el mayor. */
export function siguienteId(items, prefijo) {
  const usados = (items || [])
    .map((o) => String((o && o.id) || ''))
    .filter((id) => id.startsWith(prefijo))
    .map((id) => Number(id.slice(prefijo.length)))
    .filter((n) => Number.isInteger(n));
  return prefijo + (Math.max(0, ...usados) + 1);
}

/**
 * El valor de un campo obligatorio en un elemento nuevo, según su tipo: un texto vacío, una
 * lista vacía, las fechas del período del plan; lo que hay que elegir o contar (un número, un
 * valor, un responsable) queda sin valor, para que el diagnóstico pida elegirlo en lugar de que
 * la página elija por la persona.
 */
function inicial(campo, contexto) {
  const t = campo.tipo;
  switch (t.tipo) {
    case 'grupo': {
      const g = {};
      for (const c of t.campos.filter((x) => x.requerido === 'si')) {
        const v = inicial(c, { ...contexto, fecha: fechaPara(c, contexto) });
        if (v !== undefined) g[c.clave] = v;
      }
      return g;
    }
    case 'lista': case 'catalogos': case 'referencias': case 'lugares': return [];
    case 'conteos': return {};
    case 'fecha': return contexto.fecha || undefined;
    case 'texto': case 'parrafos': return '';
    default: return undefined;
  }
}

/** La fecha que propone un campo de fecha nuevo: el fin del período del plan para un campo
 * `fin`, su inicio para los demás. */
function fechaPara(campo, contexto) {
  return campo.clave === 'fin' ? contexto.fin : contexto.inicio;
}

/** Un elemento nuevo de `lista` (la del catálogo) dentro de los `items` que ya tiene:
 * sus campos obligatorios con un valor inicial, un id nuevo, y para la ruta la primera etapa
 * obligatoria que falta (el catálogo de etapas marca las obligatorias con su nota). */
export function nuevoItem(lista, items, contexto = {}) {
  const item = {};
  for (const c of lista.campos) {
    if (c.requerido !== 'si') continue;
    const v = inicial(c, { ...contexto, fecha: fechaPara(c, contexto) });
    if (v !== undefined) item[c.clave] = v;
  }
  if (lista.identidad === 'id' && lista.prefijo) item.id = siguienteId(items, lista.prefijo);
  if (lista.identidad === 'etapa_poblacion') {
    const tiene = new Set((items || []).map((e) => e.etapa));
    const etapas = contexto.etapas || [];
    const falta = etapas.find((e) => e.nota && !tiene.has(e.id)) || etapas.find((e) => !tiene.has(e.id)) || etapas[0];
    if (falta) item.etapa = falta.id;
  }
  return item;
}

/** Los elementos de la lista `nombre` que nombran las referencias: las del archivo mismo, o,
 * en un seguimiento, las de su plan (sus acciones). */
export function listaDe(nombre) {
  return (S.listas && S.listas[nombre]) || leer([nombre]) || [];
}

/** El nombre de un valor de catálogo, o el valor mismo. */
export function nombreDe(catalogo, id) {
  const v = (S.catalogos[catalogo] || []).find((o) => o.id === id);
  return v ? v.nombre : id;
}

/** Lo que nombra a un elemento en la cabecera de su lista: sus campos de resumen, con nombres. */
export function resumenItem(lista, item, i) {
  if (!item || typeof item !== 'object') return `${lista.singular} ${i + 1}`;
  const partes = [];
  for (const k of lista.resumen) {
    const c = lista.campos.find((x) => x.clave === k);
    const v = item[k];
    if (!c || v === undefined || v === null || v === '') continue;
    const t = c.tipo;
    if (t.tipo === 'catalogo') partes.push(nombreDe(t.catalogo, v));
    else if (t.tipo === 'referencia') {
      const ref = listaDe(t.lista).find((o) => o && o.id === v);
      // Un actor por su nombre; lo que se conoce por su descripción (un objetivo, una acción),
      // por su id y su descripción, como lo muestra su propia lista.
      const texto = ref && (ref.descripcion || ref.titulo);
      partes.push(ref && ref.nombre ? ref.nombre : texto ? `${v} — ${texto}` : v);
    } else if (t.tipo === 'opcion') {
      const o = t.valores.find((x) => x.id === v);
      partes.push(o ? o.nombre : v);
    } else if (t.tipo === 'fecha') partes.push(fechaLarga(v));
    else partes.push(String(v));
  }
  return partes.length ? partes.join(' — ') : `${lista.singular} ${i + 1} (sin completar)`;
}
