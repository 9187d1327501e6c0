/**
 * Draws the Teams app icons (a shield) into teamsAppManifest/: color.png (192×192, accent
 * background) and outline.png (32×32, white on transparent). The PNGs are committed; run this
 * only to change them, from the repo root:
 * `npm run build && node dist/src/tools/generate-icons.js`.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

/** A shield's bounding box, in pixels. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** True when (x, y) lies inside a heater shield filling `box`: dipped top, straight sides, pointed base. */
function inShield(box: Box, x: number, y: number): boolean {
  const u = (x - (box.left + box.width / 2)) / (box.width / 2);
  const v = (y - box.top) / box.height;
  if (v > 1 || Math.abs(u) > 1) return false;
  if (v < 0.07 * (1 - u * u)) return false;
  const t = v < 0.42 ? 0 : (v - 0.42) / 0.58;
  return Math.abs(u) <= 1 - t * t;
}

/** The shield `inset` pixels inside `box`; the base is inset more because it ends in a point. */
function insetBox(box: Box, inset: number): Box {
  return { left: box.left + inset, top: box.top + inset, width: box.width - 2 * inset, height: box.height - inset * 2.3 };
}

/** Renders with 4×4 supersampling; `paint` returns the colour at a point, or undefined for background. */
function render(size: number, background: Rgba, paint: (x: number, y: number) => Rgba | undefined): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = paint(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples) ?? background;
          // Premultiplied accumulation keeps anti-aliased edges of white-on-transparent pure white.
          sum[0] += colour[0] * colour[3];
          sum[1] += colour[1] * colour[3];
          sum[2] += colour[2] * colour[3];
          sum[3] += colour[3];
        }
      }
      const alpha = sum[3] / (samples * samples);
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) pixels[offset + c] = alpha === 0 ? 255 : Math.round(sum[c] / sum[3]);
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

/** Encodes RGBA pixels as a PNG (colour type 6, no filtering). */
function encodePng(size: number, rgba: Buffer): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const accent: Rgba = [0x1e, 0x3a, 0x5f, 255];
const white: Rgba = [255, 255, 255, 255];
const transparent: Rgba = [255, 255, 255, 0];

function colourIcon(): Buffer {
  const outer: Box = { left: 50, top: 38, width: 92, height: 116 };
  const rim = insetBox(outer, 9);
  const core = insetBox(rim, 7);
  return render(192, accent, (x, y) => {
    if (inShield(core, x, y)) return x < core.left + core.width / 2 ? white : undefined;
    if (inShield(rim, x, y)) return undefined;
    return inShield(outer, x, y) ? white : undefined;
  });
}

function outlineIcon(): Buffer {
  const outer: Box = { left: 5, top: 3, width: 22, height: 26 };
  const inner = insetBox(outer, 2.5);
  return render(32, transparent, (x, y) => (inShield(outer, x, y) && !inShield(inner, x, y) ? white : undefined));
}

// Relative to the working directory, so it works wherever the compiled file ends up.
const target = resolve(process.argv[2] ?? 'teamsAppManifest');
writeFileSync(join(target, 'color.png'), encodePng(192, colourIcon()));
writeFileSync(join(target, 'outline.png'), encodePng(32, outlineIcon()));
console.info(`icons written to ${target}`);
