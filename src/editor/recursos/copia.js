// La copia de recuperación: lo escrito y no guardado queda en el almacén del navegador
// (localStorage) y se ofrece al abrir el plan otra vez. Se escribe con calma (no en cada tecla)
// pero nunca se pierde por la calma: cada cambio anota qué plan y qué valor copiar, y salir del
// plan (volver a la lista, abrir otro, cerrar o esconder la pestaña) escribe lo anotado antes de
// seguir. Si el navegador no puede guardarla (sin espacio, modo privado estricto) se dice.

/** La clave de la copia de un plan en el almacén. */
export const claveCopia = (archivo) => `cantonal:${archivo}`;

/**
 * Crea la copia de recuperación sobre `almacen` (localStorage o uno igual). `alFallar(mensaje)`
 * recibe el aviso en castellano cuando el almacén rechaza la copia.
 */
export function crearCopia(almacen, alFallar, ms = 300) {
  let anotada = null;
  let reloj = null;

  /** Escribe ya lo anotado, si hay algo. */
  function escribir() {
    clearTimeout(reloj);
    reloj = null;
    if (!anotada) return;
    const { archivo, version, valor, sucio } = anotada;
    anotada = null;
    try {
      if (sucio) almacen.setItem(claveCopia(archivo), JSON.stringify({ version, valor }));
      else almacen.removeItem(claveCopia(archivo));
    } catch {
      alFallar('Este navegador no pudo guardar la copia de recuperación de los cambios (puede que no le quede espacio). Guarde el plan ahora para no perderlos.');
    }
  }

  return {
    /** Anota el estado del plan tras un cambio; se escribe pasados `ms` sin otro cambio. */
    anotar({ archivo, version, valor, sucio }) {
      if (!archivo) return;
      if (anotada && anotada.archivo !== archivo) escribir();
      anotada = { archivo, version, valor, sucio };
      clearTimeout(reloj);
      reloj = setTimeout(escribir, ms);
    },
    escribir,
    /** La copia guardada de `archivo` ({ version, valor }), o null si no hay o no se lee. */
    leer(archivo) {
      escribir();
      let texto = null;
      try { texto = almacen.getItem(claveCopia(archivo)); } catch { return null; }
      if (!texto) return null;
      try { return JSON.parse(texto); } catch { this.quitar(archivo); return null; }
    },
    /** Quita la copia de `archivo` (guardado, descartado o recargado del disco). */
    quitar(archivo) {
      if (anotada && anotada.archivo === archivo) { clearTimeout(reloj); reloj = null; anotada = null; }
      try { almacen.removeItem(claveCopia(archivo)); } catch { /* nada que quitar */ }
    },
  };
}
