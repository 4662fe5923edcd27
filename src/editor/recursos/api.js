// Las peticiones al servidor local: cada una lleva la clave de acceso y, si cambia algo, el
// secreto CSRF. Lo que el servidor contesta ya viene en español; si la conexión falla, se dice
// qué hacer, y lo escrito sigue en la página y en su copia de recuperación.

const CSRF = document.querySelector('meta[name="csrf"]').content;
const CLAVE = document.querySelector('meta[name="clave"]').content;

/** Hace la petición; devuelve { ok, status, datos } (datos: JSON o, para descargas, un Blob). */
export async function api(metodo, url, cuerpo) {
  const opciones = { method: metodo, headers: { 'x-cantonal-clave': CLAVE }, credentials: 'omit' };
  if (cuerpo !== undefined) {
    opciones.headers['content-type'] = 'application/json';
    opciones.headers['x-cantonal-csrf'] = CSRF;
    opciones.body = JSON.stringify(cuerpo);
  }
  let r;
  try {
    r = await fetch(url, opciones);
  } catch {
    return {
      ok: false, status: 0,
      datos: { mensaje: 'No hay comunicación con el editor: ¿se cerró la ventana de cantonal? Vuelva a abrirlo; lo que escribió sigue en esta página y en su copia de recuperación.' },
    };
  }
  const tipo = r.headers.get('content-type') || '';
  let datos;
  try {
    datos = tipo.includes('json') ? await r.json() : await r.blob();
  } catch {
    datos = { mensaje: 'La respuesta del editor llegó incompleta. Vuelva a intentarlo.' };
  }
  if (!r.ok && !(datos && datos.mensaje)) datos = { mensaje: 'El editor no pudo atender la petición. Vuelva a intentarlo.' };
  return { ok: r.ok, status: r.status, datos };
}
