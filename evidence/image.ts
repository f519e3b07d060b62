import type { Rect } from '../domain/evidence';

/** What the evidence job needs of image code; the browser's is `canvasImageTools`, tests give their own. */
export interface ImageTools {
  /** The rectangle `r` (image px, inside the image) of a PNG, as a PNG of its own. */
  cut(png: Uint8Array, r: Rect): Promise<Uint8Array>;
}

/** The bytes of a `data:image/png;base64,…` URL (what captureVisibleTab gives). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:image/png;base64,') || comma < 0) throw new Error('the browser gave no PNG image');
  const bin = atob(url.slice(comma + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's header (its IHDR chunk), without decoding it. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.byteLength < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG image');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (!width || !height) throw new Error('a PNG image without pixels');
  return { width, height };
}

/**
 * Cuts with the browser's own decoder and encoder (createImageBitmap with a source rectangle, an
 * OffscreenCanvas): in the service worker and in Firefox's background page alike, no DOM needed.
 */
export const canvasImageTools: ImageTools = {
  async cut(png, r) {
    const bitmap = await createImageBitmap(
      new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      r.x,
      r.y,
      r.width,
      r.height,
    );
    try {
      const canvas = new OffscreenCanvas(r.width, r.height);
      const g = canvas.getContext('2d');
      if (!g) throw new Error('no 2D canvas in this browser');
      g.drawImage(bitmap, 0, 0);
      return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    } finally {
      bitmap.close();
    }
  },
};
