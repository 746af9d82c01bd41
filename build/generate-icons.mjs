// Draws the app and tray icons as PNG files (no image library: a polygon filler and a minimal PNG writer).
// Run `node build/generate-icons.mjs` after changing a shape or a colour; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const here = import.meta.dirname;

/** A lightning bolt in unit coordinates (0..1). */
const BOLT = [
  [0.58, 0.1],
  [0.3, 0.55],
  [0.48, 0.55],
  [0.4, 0.9],
  [0.72, 0.42],
  [0.54, 0.42],
  [0.64, 0.1],
];

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** RGBA pixels of `size`², each the average of 4×4 samples of `paint(x, y)` → [r, g, b, a] or null. */
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          const a = c[3] / 255;
          sum[0] += c[0] * a;
          sum[1] += c[1] * a;
          sum[2] += c[2] * a;
          sum[3] += a;
        }
      const o = (py * size + px) * 4;
      if (sum[3] > 0) {
        pixels[o] = Math.round(sum[0] / sum[3]);
        pixels[o + 1] = Math.round(sum[1] / sum[3]);
        pixels[o + 2] = Math.round(sum[2] / sum[3]);
      }
      pixels[o + 3] = Math.round((sum[3] / (n * n)) * 255);
    }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (h) => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
  255,
];
const WHITE = hex('#ffffff');

/** A round badge: filled with `fill` (or a ring of it when hollow), the bolt in `bolt`. */
function badge({ fill, bolt, hollow = false }) {
  return (x, y) => {
    const r = Math.hypot(x - 0.5, y - 0.5);
    if (insidePolygon(x, y, BOLT)) return bolt;
    if (r <= 0.48 && (!hollow || r >= 0.38)) return fill;
    return null;
  };
}

/** The app icon: a rounded square, the bolt in amber. */
function appIcon(x, y) {
  const m = 0.06;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, m + radius), 1 - m - radius);
  const cy = Math.min(Math.max(y, m + radius), 1 - m - radius);
  if (Math.hypot(x - cx, y - cy) > radius) return null;
  return insidePolygon(x, y, BOLT) ? hex('#ffc83d') : hex('#1b3a5c');
}

const icons = {
  'icon.png': [512, appIcon],
  'tray/ok.png': [16, badge({ fill: hex('#2e9d5b'), bolt: WHITE })],
  'tray/ok@2x.png': [32, badge({ fill: hex('#2e9d5b'), bolt: WHITE })],
  'tray/alert.png': [16, badge({ fill: hex('#d93a2b'), bolt: WHITE })],
  'tray/alert@2x.png': [32, badge({ fill: hex('#d93a2b'), bolt: WHITE })],
  'tray/disconnected.png': [16, badge({ fill: hex('#8a8f98'), bolt: hex('#8a8f98'), hollow: true })],
  'tray/disconnected@2x.png': [32, badge({ fill: hex('#8a8f98'), bolt: hex('#8a8f98'), hollow: true })],
};

for (const [name, [size, paint]] of Object.entries(icons)) {
  const file = join(here, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, png(size, render(size, paint)));
  console.log(`${name} (${size}×${size})`);
}
