// Writes a manifest-only JAR whose Main-Class lives in another JAR on its Class-Path.
// Plain Node (no `jar` tool needed): a zip with one stored entry, META-INF/MANIFEST.MF.
import { mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Manifest lines are at most 72 bytes; longer ones continue on lines that start with a space. */
function manifestLine(text) {
  const chunks = [text.slice(0, 72)];
  for (let i = 72; i < text.length; i += 71) chunks.push(" " + text.slice(i, i + 71));
  return chunks.join("\r\n") + "\r\n";
}

export function manifest(mainClass, classPathJar) {
  return (
    manifestLine("Manifest-Version: 1.0") +
    manifestLine(`Main-Class: ${mainClass}`) +
    manifestLine(`Class-Path: ${pathToFileURL(classPathJar).href}`) +
    "\r\n"
  );
}

function zipWithOneFile(name, content) {
  const nameBytes = Buffer.from(name, "utf8");
  const data = Buffer.from(content, "utf8");
  const crc = crc32(data);
  const DOS_DATE_1980_01_01 = 0x21;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt16LE(0, 8); // stored
  local.writeUInt16LE(0, 10);
  local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(0, 10);
  central.writeUInt16LE(0, 12);
  central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  // extra, comment, disk, internal and external attributes, local header offset: all zero
  const centralOffset = local.length + nameBytes.length + data.length;
  const centralSize = central.length + nameBytes.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

/** Writes the launcher only when it would change, so repeated runs leave the file alone. */
export function writeLauncherJar(target, classPathJar, mainClass) {
  const bytes = zipWithOneFile("META-INF/MANIFEST.MF", manifest(mainClass, classPathJar));
  if (existsSync(target) && readFileSync(target).equals(bytes)) return;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
