// El arranque de la página y lo que une sus partes: lee el catálogo de campos (GET
// /api/formato), muestra una sola vista a la vez (la lista de planes, un plan o su seguimiento,
// que se editan con los mismos formularios), y después de
// cada cambio actualiza lo que depende de él: cabeceras, diagnósticos (POST /api/validar), vista
// previa, copia de recuperación en el navegador y estado de guardado. Guardar, deshacer,
// rehacer y descargar están en la barra y en el teclado (Ctrl+S, Ctrl+Z, Ctrl+Y).

import { $, anunciar, aviso } from './dom.js';
import { api } from './api.js';
import { S, abrir as abrirEstado, clave, deshacer, leer, marcarSucio, rehacer, trasCambio } from './estado.js';
import { ID_TITULO, abrirHasta, actualizarCabeceras, actualizarTotal, agregarPropio, alRepintar, buscar, enfocar, pintarFormulario } from './formulario.js';
import { formularioCorte, infoSeguimiento } from './seguimiento.js';
import { pintarDiagnosticos } from './diagnosticos.js';
import { actualizarVista, vaciarVista } from './vista.js';
import { cargarObservaciones, pintarObservaciones } from './observaciones.js';
import { crear, pintarInicio } from './inicio.js';
import { dialogo } from './dialogo.js';
import { crearCopia } from './copia.js';

const copia = crearCopia(localStorage, (m) => aviso(m));

/** Espera `ms` sin cambios antes de llamar a `f`. */
function calma(f, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => f(...a), ms); };
}

// ---------------------------------------------------------------- pintar

/** Pinta la sección, sus diagnósticos y observaciones, y pone el foco. */
function pintarTodo(opciones = {}) {
  const foco = pintarFormulario(opciones);
  pintarDiagnosticos({ irA });
  pintarObservaciones({ irA, repintar: () => pintarTodo() });
  enfocar(foco);
}

/** Va a un lugar del plan (un campo, un elemento o una sección) y pone el foco en él. */
function irA(camino, seccion) {
  const cambia = seccion && seccion !== S.seccion;
  abrirHasta(camino, seccion);
  pintarTodo();
  const id = camino.length ? buscar(camino) : ID_TITULO;
  const nodo = document.getElementById(id);
  if (nodo) nodo.scrollIntoView({ block: camino.length ? 'center' : 'start' });
  enfocar(id);
  if (cambia) window.scrollTo({ top: 0 });
}

function pintarEstadoGuardado() {
  $('#estado-guardado').textContent = S.sucio ? 'Cambios sin guardar' : 'Guardado';
  $('#btn-deshacer').disabled = !S.deshacer.length;
  $('#btn-rehacer').disabled = !S.rehacer.length;
}

// ---------------------------------------------------------------- después de cada cambio

let turnoValidar = 0;
const validar = calma(async () => {
  if (!S.archivo) return;
  const mio = ++turnoValidar;
  const archivo = S.archivo;
  const r = await api('POST', '/api/validar', { archivo, version: S.version, valor: S.valor });
  if (mio !== turnoValidar || archivo !== S.archivo) return;
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  S.resumen = r.datos.resumen;
  pintarDiagnosticos({ irA });
}, 250);

const vistaPrevia = calma(actualizarVista, 400);

/** Lo que sigue a cada cambio del plan. */
let avisoDeshacer = false;
function trasCadaCambio({ estructura, camino, foco, aviso: avisoCambio }) {
  // El aviso «Se quitó… Deshacer» vale hasta que se cierra o hasta la próxima acción.
  if (avisoDeshacer) { aviso(''); avisoDeshacer = false; }
  if (estructura) {
    if (avisoCambio && avisoCambio.deshacer) {
      aviso(avisoCambio.texto, { boton: { texto: 'Deshacer', accion: () => { avisoDeshacer = false; aviso(''); deshacer(); enfocar(avisoCambio.foco); } } });
      avisoDeshacer = true;
    }
    pintarTodo({ foco });
  } else {
    actualizarCabeceras(camino);
    actualizarTotal();
  }
  pintarEstadoGuardado();
  copia.anotar(S);
  validar();
  vistaPrevia();
}

// ---------------------------------------------------------------- vistas

/** Muestra una sola vista: la lista de planes, un archivo (plan o seguimiento) o el seguimiento
 * que un plan todavía no tiene. */
function mostrar(vista) {
  S.vista = vista;
  $('#inicio').hidden = vista !== 'inicio';
  $('#editor').hidden = vista !== 'plan';
  $('#barra-plan').hidden = vista !== 'plan';
  $('#sin-seguimiento').hidden = vista !== 'sin-seguimiento';
  const seguimiento = vista === 'plan' && S.formato && S.formato.id === 'seguimiento';
  $('#btn-seguimiento').hidden = vista !== 'plan' || seguimiento;
  $('#btn-plan').hidden = !seguimiento;
}

/** El título de lo abierto. */
function tituloDe() {
  const plan = S.canton ? `plan de ${S.canton}` : null;
  if (S.formato.id === 'seguimiento') return plan ? `Seguimiento del ${plan}` : `Seguimiento: ${S.archivo}`;
  return plan ? `P${plan.slice(1)}` : S.archivo;
}

async function abrir(archivo, { recuperar = true } = {}) {
  copia.escribir();
  const r = await api('GET', `/api/plan?archivo=${encodeURIComponent(archivo)}`);
  if (!r.ok) { aviso(r.datos.mensaje); if (S.vista !== 'plan') $('#t-planes').focus(); return; }
  aviso('');
  vaciarVista();
  abrirEstado(r.datos);
  history.replaceState(null, '', `${location.pathname}${location.search}#plan=${encodeURIComponent(S.archivo)}`);
  $('#titulo').textContent = tituloDe();
  document.title = `${tituloDe()} — Editor de planes cantonales`;
  $('#modo-asesor').checked = S.asesor;
  S.infoSeguimiento = S.formato.id === 'seguimiento' ? await cargarInfo(S.plan) : null;
  mostrar('plan');
  // The focus goes to the plan at once (the list that had it is now hidden).
  pintarTodo({ foco: ID_TITULO });
  await cargarObservaciones();
  const c = recuperar ? copia.leer(S.archivo) : null;
  if (c) {
    if (JSON.stringify(c.valor) !== JSON.stringify(S.valor)) {
      const si = await dialogo(c.version === S.version
        ? 'Hay cambios sin guardar de una sesión anterior de este plan. ¿Recuperarlos?'
        : 'Hay cambios sin guardar de una sesión anterior, pero el archivo cambió después en el disco. ¿Recuperarlos de todos modos? Revíselos antes de guardar.',
      [['Recuperar los cambios', true], ['Descartarlos', false]]);
      if (si) { S.deshacer.push(JSON.stringify(S.valor)); S.valor = c.valor; } else copia.quitar(S.archivo);
    }
  }
  marcarSucio();
  pintarEstadoGuardado();
  pintarTodo();
  validar();
  vistaPrevia();
}

/** Lo que el servidor sabe del seguimiento de `plan`, o null (y el aviso de por qué). */
async function cargarInfo(plan) {
  const r = await infoSeguimiento(plan);
  if (!r.ok) { aviso(r.datos.mensaje); return null; }
  return r.datos;
}

/** Sale del archivo abierto si no tiene cambios sin guardar, o si la persona lo confirma; los
 * cambios quedan en la copia de recuperación. */
async function salir(pregunta, seguir) {
  if (!S.sucio) return true;
  return dialogo(pregunta, [['Seguir editando', false], [seguir, true]]);
}

/** Del plan a su seguimiento: lo abre si existe; si no, ofrece su primer corte. El seguimiento
 * se mide con el plan guardado: si hay cambios sin guardar, se guardan antes. */
async function irASeguimiento() {
  if (S.sucio) {
    const guardarAntes = await dialogo('Hay cambios sin guardar en el plan, y el seguimiento se mide con el plan guardado. ¿Guardarlo antes de pasar al seguimiento?',
      [['Seguir editando el plan', false], ['Guardar y pasar al seguimiento', true]]);
    if (!guardarAntes || !(await guardar())) return;
  }
  const plan = S.archivo;
  const info = await cargarInfo(plan);
  if (!info) return;
  if (info.existe) { await abrir(info.archivo); return; }
  copia.escribir();
  planSinSeguimiento = plan;
  $('#sin-seguimiento-texto').textContent = `Este plan todavía no tiene seguimiento. Cada corte dice cómo iba cada acción del plan a su fecha: su estado, el valor de su indicador, lo ejecutado, las evidencias y las dificultades. El primer corte crea el archivo ${info.archivo} junto al plan.`;
  $('#sin-seguimiento-corte').replaceChildren(formularioCorte(info, agregarCorte));
  $('#titulo').textContent = S.canton ? `Seguimiento del plan de ${S.canton}` : `Seguimiento de ${plan}`;
  mostrar('sin-seguimiento');
  $('#t-sin-seguimiento').focus();
}

/** El plan cuyo seguimiento todavía no existe (la vista que ofrece su primer corte). */
let planSinSeguimiento = null;

/**
 * Agrega un corte al seguimiento (lo crea si no existe) y lo abre en su primera acción. Lo que
 * no se guardó del seguimiento se guarda antes; devuelve el mensaje de lo que falló, o nada.
 */
async function agregarCorte({ fecha, borrador }) {
  const abierto = S.vista === 'plan' && S.formato.id === 'seguimiento';
  if (abierto && S.sucio && !(await guardar())) return 'Guarde el seguimiento antes de agregar un corte.';
  const plan = abierto ? S.plan : planSinSeguimiento;
  const r = await api('POST', '/api/seguimiento', { archivo: plan, fecha, borrador, version: abierto ? S.version : undefined });
  if (!r.ok) return r.datos.mensaje;
  await abrir(r.datos.archivo, { recuperar: false });
  const cortes = leer(['cortes']) || [];
  const i = cortes.findIndex((c) => c && c.fecha_corte === fecha);
  if (i < 0) return '';
  const corte = ['cortes', i];
  S.abiertos.add(clave(corte));
  const primera = [...corte, 'acciones', 0];
  if (leer(primera)) S.abiertos.add(clave(primera));
  irA(leer(primera) ? [...primera, 'estado'] : corte, 'cortes');
  const avisos = r.datos.avisos && r.datos.avisos.length ? ` ${r.datos.avisos.join(' ')}` : '';
  aviso(`Se agregó el corte del ${r.datos.fecha}, con una entrada por cada una de las ${r.datos.acciones} acciones del plan: elija el estado de cada una, actualice el valor y lo ejecutado, y guarde.${avisos}`);
  return '';
}

/** Del seguimiento a su plan. */
async function volverAlPlan() {
  const plan = S.vista === 'plan' ? S.plan : planSinSeguimiento;
  if (S.vista === 'plan' && !(await salir('Hay cambios sin guardar en el seguimiento. ¿Volver al plan igualmente? Los cambios quedan en la copia de recuperación de este navegador y se ofrecen al abrir el seguimiento de nuevo.', 'Volver al plan'))) return;
  if (plan) await abrir(plan);
}

async function volverALista() {
  if (!(await salir(`Hay cambios sin guardar. ¿Volver a la lista de planes igualmente? Los cambios quedan en la copia de recuperación de este navegador y se ofrecen al abrir ${S.formato.nombre} de nuevo.`, 'Volver a la lista'))) return;
  inicio();
}

async function inicio() {
  copia.escribir();
  S.archivo = null;
  S.valor = null;
  $('#formulario').replaceChildren();
  $('#secciones').replaceChildren();
  vaciarVista();
  aviso('');
  history.replaceState(null, '', location.pathname + location.search);
  $('#titulo').textContent = 'Editor de planes cantonales';
  document.title = 'Editor de planes cantonales';
  mostrar('inicio');
  $('#t-planes').focus();
  await pintarInicio(abrir);
}

// ---------------------------------------------------------------- guardar y descargar

/** Guarda el archivo abierto; devuelve si quedó guardado. */
async function guardar() {
  if (!S.archivo) return false;
  const enviado = JSON.stringify(S.valor);
  $('#estado-guardado').textContent = 'Guardando…';
  const r = await api('POST', '/api/guardar', { archivo: S.archivo, version: S.version, valor: S.valor });
  if (r.ok) {
    S.version = r.datos.version;
    S.guardado = enviado;
    S.resumen = r.datos.resumen;
    marcarSucio();
    if (!S.sucio) copia.quitar(S.archivo);
    pintarEstadoGuardado();
    pintarDiagnosticos({ irA });
    const extra = r.datos.avisos && r.datos.avisos.length ? ` ${r.datos.avisos.join(' ')}` : '';
    if (extra) aviso(`Guardado.${extra}`); else anunciar(S.formato.id === 'seguimiento' ? 'Seguimiento guardado.' : 'Plan guardado.');
    return true;
  }
  pintarEstadoGuardado();
  if (r.status === 409 && r.datos.conflicto) {
    const recargar = await dialogo(r.datos.mensaje, [['Seguir editando sin guardar', false], ['Recargar el archivo del disco (se pierden los cambios de la página)', true]]);
    if (recargar) { copia.quitar(S.archivo); await abrir(S.archivo, { recuperar: false }); }
    return false;
  }
  aviso(r.datos.mensaje || 'No se pudo guardar. Sus cambios siguen en la página.');
  return false;
}

const NOMBRES = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', html: 'HTML', md: 'Markdown' };

async function descargar(formato) {
  const boton = document.getElementById(`btn-${formato}`);
  boton.disabled = true;
  anunciar(`Preparando el ${NOMBRES[formato]}…`);
  const r = await api('POST', '/api/descargar', { archivo: S.archivo, version: S.version, valor: S.valor, formato });
  boton.disabled = false;
  boton.focus();
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  const nombre = `${S.descarga}.${formato}`;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(r.datos);
  a.download = nombre;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  aviso(`Se descargó ${nombre}: está en la carpeta de descargas de este navegador (normalmente «Descargas»).`);
}

// ---------------------------------------------------------------- arranque

async function arrancar() {
  // La barra de arriba queda fija: lo que recibe el foco, las secciones y el panel se ubican
  // debajo de ella, sea cual sea su alto (cambia con el ancho de la ventana).
  const barra = $('.barra');
  new ResizeObserver(() => document.documentElement.style.setProperty('--alto-barra', `${barra.offsetHeight}px`)).observe(barra);
  alRepintar((o) => pintarTodo(o));
  trasCambio(trasCadaCambio);
  $('.saltar').addEventListener('click', (ev) => {
    ev.preventDefault();
    ({ plan: document.getElementById(ID_TITULO), 'sin-seguimiento': $('#t-sin-seguimiento') }[S.vista] || $('#t-planes'))?.focus();
  });
  $('#form-nuevo').addEventListener('submit', (ev) => crear(ev, abrir));
  $('#btn-guardar').addEventListener('click', guardar);
  $('#btn-deshacer').addEventListener('click', deshacer);
  $('#btn-rehacer').addEventListener('click', rehacer);
  for (const f of Object.keys(NOMBRES)) $(`#btn-${f}`).addEventListener('click', () => descargar(f));
  $('#modo-asesor').addEventListener('change', (ev) => { S.asesor = ev.target.checked; pintarTodo(); });
  $('#btn-lista').addEventListener('click', volverALista);
  $('#btn-seguimiento').addEventListener('click', irASeguimiento);
  $('#btn-plan').addEventListener('click', volverAlPlan);
  $('#btn-volver-plan').addEventListener('click', volverAlPlan);
  // Los cortes del seguimiento no se agregan vacíos: los escribe el servidor, con una entrada por
  // acción del plan.
  agregarPropio((camino) => (S.formato.id === 'seguimiento' && camino.length === 1 && camino[0] === 'cortes' && S.infoSeguimiento
    ? formularioCorte(S.infoSeguimiento, agregarCorte) : null));
  document.addEventListener('keydown', (ev) => {
    if (!(ev.ctrlKey || ev.metaKey) || S.vista !== 'plan' || !$('#dialogo').hidden) return;
    const k = ev.key.toLowerCase();
    if (k === 's') { ev.preventDefault(); guardar(); }
    else if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); deshacer(); }
    else if (k === 'y' || (k === 'z' && ev.shiftKey)) { ev.preventDefault(); rehacer(); }
  });
  window.addEventListener('beforeunload', (ev) => { if (S.sucio) { ev.preventDefault(); ev.returnValue = ''; } });
  window.addEventListener('pagehide', copia.escribir);
  document.addEventListener('visibilitychange', () => { if (document.hidden) copia.escribir(); });
  const r = await api('GET', '/api/formato');
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  S.formas = r.datos;
  S.formato = S.formas.plan;
  const m = location.hash.match(/plan=([^&]+)/);
  if (m) await abrir(decodeURIComponent(m[1]));
  else await inicio();
}

arrancar();
