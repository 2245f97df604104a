// Draws the app icons (public/icons/*.png): a white Δ on the theme teal. Run once and commit
// the PNGs: `node --import tsx scripts/make-icons.ts`. No image library: a small PNG encoder.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const TEAL = [0x0f, 0x76, 0x6e] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of `size` px; `inset` is the share of the side kept clear around the Δ. */
function icon(size: number, inset: number, rounded: boolean): Buffer {
  const rows: Buffer[] = [];
  const pad = size * inset;
  // Triangle corners (apex up) and the stroke width of the Δ outline.
  const top = pad, bottom = size - pad, left = pad, right = size - pad, mid = size / 2;
  const stroke = (bottom - top) * 0.16;
  const radius = rounded ? size * 0.18 : 0;
  const inTriangle = (x: number, y: number, shrink: number) => {
    const t = top + shrink * 2, b = bottom - shrink, l = left + shrink * 1.8, r = right - shrink * 1.8;
    if (y < t || y > b) return false;
    const half = ((y - t) / (b - t)) * ((r - l) / 2);
    return x >= mid - half && x <= mid + half;
  };
  const inCorner = (x: number, y: number) => {
    if (radius === 0) return true;
    const cx = Math.min(Math.max(x, radius), size - radius), cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // 4 samples a pixel for smooth edges.
      let white = 0, inside = 0;
      for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]] as const) {
        const px = x + dx, py = y + dy;
        if (!inCorner(px, py)) continue;
        inside++;
        if (inTriangle(px, py, 0) && !inTriangle(px, py, stroke)) white++;
      }
      const o = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round((TEAL[c]! * (inside - white) + WHITE[c]! * white) / Math.max(inside, 1));
      row[o + 3] = Math.round((inside / 4) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve(import.meta.dirname, "..", "public", "icons");
mkdirSync(out, { recursive: true });
// "any" icons may use their whole square; maskable ones keep the Δ inside the central 60 %.
const icons: [string, number, number, boolean][] = [
  ["icon-192.png", 192, 0.2, true],
  ["icon-512.png", 512, 0.2, true],
  ["maskable-192.png", 192, 0.27, false],
  ["maskable-512.png", 512, 0.27, false],
  ["apple-touch-icon.png", 180, 0.2, false],
];
for (const [name, size, inset, rounded] of icons) writeFileSync(path.join(out, name), icon(size, inset, rounded));
console.log(`icons: ${icons.map(([n]) => n).join(", ")} in public/icons`);
