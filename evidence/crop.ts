import type { EvidenceNote, Rect } from '../domain/evidence';

/** Where the post is cut from the captured image, and what the record says about the cut. */
export interface CropPlan {
  /** In image pixels: whole numbers, inside the image, at least 1×1. */
  crop: Rect;
  /** The post's box as the page reported it (CSS px), when it was a usable one. */
  box: Rect | null;
  viewport: { width: number; height: number };
  /** What the page said; 0 when it said nothing usable. */
  devicePixelRatio: number;
  /** Image pixels per CSS pixel, as used. */
  scale: number;
  /** The post went on past the visible page: the image holds its visible part. */
  partial: boolean;
  notes: EvidenceNote[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const field = (o: unknown, k: string): unknown =>
  o !== null && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;

/**
 * Plans the crop of the post's box out of a capture of the visible page. The box, viewport and
 * devicePixelRatio come from the page, which may be hostile: whatever they are (huge, negative,
 * NaN, off screen, missing) this returns a crop inside the image and says what it did; it never
 * throws. The scale is the image's own width over the viewport's; the page's devicePixelRatio is
 * used when it agrees (browser zoom and emulation change one and not the other).
 */
export function planCrop(view: unknown, image: { width: number; height: number }): CropPlan {
  const notes: EvidenceNote[] = [];
  const whole: Rect = { x: 0, y: 0, width: image.width, height: image.height };
  const dprSaid = num(field(view, 'devicePixelRatio'));
  const dpr = dprSaid !== null && dprSaid > 0 && dprSaid <= 16 ? dprSaid : 0;
  const vp = field(view, 'viewport');
  const vw = num(field(vp, 'width'));
  const vh = num(field(vp, 'height'));
  const fromImage = vw !== null && vw > 0 ? image.width / vw : null;
  let scale: number;
  if (fromImage !== null && dpr && Math.abs(fromImage - dpr) <= Math.max(0.02, dpr * 0.01)) scale = dpr;
  else {
    scale = fromImage ?? (dpr || 1);
    notes.push('scale-from-image');
  }
  const viewport = {
    width: vw !== null && vw > 0 ? vw : image.width / scale,
    height: vh !== null && vh > 0 ? vh : image.height / scale,
  };
  const base = { viewport, devicePixelRatio: dpr, scale };

  const raw = field(view, 'box');
  const box = readBox(raw);
  if (!box) {
    notes.push(raw === null || raw === undefined ? 'no-element' : 'box-invalid');
    return { ...base, crop: whole, box: null, partial: false, notes };
  }
  // Each edge rounded to the nearest image pixel: the crop is within a pixel of box × scale.
  const left = Math.round(box.x * scale);
  const top = Math.round(box.y * scale);
  const right = Math.round((box.x + box.width) * scale);
  const bottom = Math.round((box.y + box.height) * scale);
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(image.width, right);
  const y1 = Math.min(image.height, bottom);
  if (!(x1 - x0 >= 1 && y1 - y0 >= 1)) {
    notes.push('box-off-screen');
    return { ...base, crop: whole, box, partial: false, notes };
  }
  if (top < 0) notes.push('cut-top');
  if (bottom > image.height) notes.push('cut-bottom');
  if (left < 0) notes.push('cut-left');
  if (right > image.width) notes.push('cut-right');
  return {
    ...base,
    crop: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
    box,
    partial: notes.some((n) => n.startsWith('cut-')),
    notes,
  };
}

/** A box with finite numbers and a positive size, or null. */
function readBox(raw: unknown): Rect | null {
  const x = num(field(raw, 'x'));
  const y = num(field(raw, 'y'));
  const width = num(field(raw, 'width'));
  const height = num(field(raw, 'height'));
  if (x === null || y === null || width === null || height === null) return null;
  if (!(width > 0 && height > 0)) return null;
  // Sums of huge finite numbers can overflow to Infinity: such a box is no box.
  if (!Number.isFinite(x + width) || !Number.isFinite(y + height)) return null;
  return { x, y, width, height };
}
