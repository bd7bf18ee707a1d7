import { closeSync, openSync, readSync } from 'node:fs';

/** Reads `length` bytes of a file at `position`; fewer at its end. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * True for a statically linked ELF executable: an ELF file (32 or 64 bit, either byte order) of
 * type executable or position-independent executable with no `PT_INTERP` program header, so it
 * needs no dynamic loader and runs in `FROM scratch`. Anything else, or a file that cannot be
 * read, is false.
 *
 * @example
 * ```ts
 * isStaticExecutable('bin/server'); // true for a Go binary built with CGO_ENABLED=0
 * ```
 */
export function isStaticExecutable(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = readAt(fd, 0, 64);
    if (head.length < 52 || head.readUInt32BE(0) !== 0x7f454c46) return false;
    const is64 = head[4] === 2;
    const little = head[5] === 1;
    const u16 = (b: Buffer, at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
    const u32 = (b: Buffer, at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
    const type = u16(head, 16);
    if (type !== 2 && type !== 3) return false;
    const phoff = is64 ? Number(little ? head.readBigUInt64LE(32) : head.readBigUInt64BE(32)) : u32(head, 28);
    const phentsize = u16(head, is64 ? 54 : 42);
    const phnum = u16(head, is64 ? 56 : 44);
    if (phnum === 0 || phentsize < 4 || phnum > 512) return false;
    const table = readAt(fd, phoff, phentsize * phnum);
    if (table.length < phentsize * phnum) return false;
    for (let i = 0; i < phnum; i += 1) if (u32(table, i * phentsize) === 3) return false;
    // A shared library is ET_DYN too, but has no entry point of its own to run.
    return type === 2 || (is64 ? (little ? head.readBigUInt64LE(24) : head.readBigUInt64BE(24)) !== 0n : u32(head, 24) !== 0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
