// Draws the PNG icons of the installable app from the shapes of public/favicon.svg, with node
// built-ins only (no image library): `node apps/web/scripts/make-icons.mjs`. The PNGs are
// committed; run this again after changing the logo.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');

const BLUE = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x1a, 0x7f, 0x37];

// Shapes in the favicon's 64×64 viewBox.
const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inConvex = (x, y, points) => {
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) return false;
  }
  return true;
};
const inCapsule = (x, y, [ax, ay], [bx, by], width) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
};

const camera = (x, y) =>
  inRoundedRect(x, y, 14, 18, 40, 46, 4) ||
  inConvex(x, y, [
    [40, 29],
    [50, 23],
    [50, 41],
    [40, 35],
  ]);
const plus = (x, y) =>
  inCapsule(x, y, [27, 25], [27, 39], 4) || inCapsule(x, y, [20, 32], [34, 32], 4);

/**
 * The background at a point of the viewBox, or null (transparent). `full` fills the square
 * (maskable and Apple icons, which the system crops or rounds); `rounded` is the favicon's tile.
 */
const background = (kind, x, y) => {
  if (kind === 'badge') return null;
  if (kind === 'full') return BLUE;
  return inRoundedRect(x, y, 0, 0, 64, 64, 14) ? BLUE : null;
};

/** The logo's colour at a point, or null. The badge is a white camera with the cross cut out. */
const logo = (kind, x, y) => {
  if (kind === 'badge') return camera(x, y) && !plus(x, y) ? WHITE : null;
  if (plus(x, y)) return GREEN;
  return camera(x, y) ? WHITE : null;
};

/** RGBA pixels of a `size`² icon; `scale` zooms the logo about the centre, not the tile. */
function render(size, kind, scale) {
  const samples = 6;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 64;
          const y = ((py + (sy + 0.5) / samples) / size) * 64;
          const tile = background(kind, x, y);
          const mark = logo(kind, 32 + (x - 32) / scale, 32 + (y - 32) / scale);
          const colour = kind === 'badge' ? mark : tile && (mark ?? tile);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const icons = [
  // Manifest icons, "any": the rounded square of the favicon.
  ['icon-192.png', 192, 'rounded', 1],
  ['icon-512.png', 512, 'rounded', 1],
  // "maskable": full bleed, the logo inside the central safe circle (radius 40 %).
  ['icon-maskable-512.png', 512, 'full', 0.72],
  // iOS home screen (rounds the corners itself).
  ['apple-touch-icon.png', 180, 'full', 0.9],
  // Android's status bar badge: only the alpha channel counts.
  ['badge-96.png', 96, 'badge', 1.45],
];

mkdirSync(out, { recursive: true });
for (const [name, size, kind, scale] of icons) {
  writeFileSync(path.join(out, name), png(size, render(size, kind, scale)));
  process.stdout.write(`${name} ${size}×${size}\n`);
}
