#!/usr/bin/env python3
"""Packs a folder into a reproducible .zip or .tar.gz: entries in name order, one fixed date
(SOURCE_DATE_EPOCH), no owner, fixed permissions (0755 for programs, 0644 for the rest), so two
builds of the same sources give the same bytes. Used by scripts/paquete.sh.

    archivar.py CARPETA SALIDA.zip|SALIDA.tar.gz [--raiz NOMBRE]

The zip has its files at the top, for Windows' «Extraer todo», which already makes a folder
named after the file; the .tar.gz puts them in the folder NOMBRE, as is usual on Linux.
"""

import argparse
import gzip
import io
import os
import sys
import tarfile
import time
import zipfile


def entries(carpeta):
    """(relative path with '/', absolute path, is folder), sorted by relative path."""
    found = []
    for raiz, dirs, files in os.walk(carpeta):
        for nombre in dirs + files:
            ruta = os.path.join(raiz, nombre)
            rel = os.path.relpath(ruta, carpeta).replace(os.sep, "/")
            found.append((rel, ruta, os.path.isdir(ruta)))
    return sorted(found)


def mode(ruta, is_dir):
    return 0o755 if is_dir or os.access(ruta, os.X_OK) else 0o644


def write_zip(carpeta, salida, epoch):
    # A zip date is local time with 2-second steps from 1980 on; the same tuple for every entry.
    fecha = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(salida, "w") as z:
        for rel, ruta, is_dir in entries(carpeta):
            info = zipfile.ZipInfo(rel + ("/" if is_dir else ""), date_time=fecha)
            info.create_system = 3  # Unix, so that unzip keeps the permissions below
            info.external_attr = ((0o040000 if is_dir else 0o100000) | mode(ruta, is_dir)) << 16
            if is_dir:
                info.external_attr |= 0x10  # MS-DOS folder flag, for Windows
                z.writestr(info, b"")
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(ruta, "rb") as f:
                    z.writestr(info, f.read(), compresslevel=9)


def write_tar_gz(carpeta, salida, epoch, raiz):
    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.GNU_FORMAT) as t:
        for rel, ruta, is_dir in [(raiz, carpeta, True)] + [
            (f"{raiz}/{rel}", ruta, is_dir) for rel, ruta, is_dir in entries(carpeta)
        ]:
            info = tarfile.TarInfo(rel)
            info.mtime = epoch
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = mode(ruta, is_dir)
            if is_dir:
                info.type = tarfile.DIRTYPE
                t.addfile(info)
            else:
                info.size = os.path.getsize(ruta)
                with open(ruta, "rb") as f:
                    t.addfile(info, f)
    with open(salida, "wb") as out:
        # No file name and a fixed date in the gzip header.
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=epoch, compresslevel=9) as gz:
            gz.write(tar_bytes.getvalue())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("carpeta")
    p.add_argument("salida")
    p.add_argument("--raiz", help="folder inside a .tar.gz (default: the archive's name)")
    a = p.parse_args()
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    if a.salida.endswith(".zip"):
        write_zip(a.carpeta, a.salida, epoch)
    elif a.salida.endswith(".tar.gz"):
        raiz = a.raiz or os.path.basename(a.salida)[: -len(".tar.gz")]
        write_tar_gz(a.carpeta, a.salida, epoch, raiz)
    else:
        sys.exit(f"archivar.py: {a.salida}: se espera .zip o .tar.gz")


if __name__ == "__main__":
    main()
