import { describe, expect, it } from 'vitest';
import { planCrop } from '../../evidence/crop';

const image = { width: 1280, height: 720 };
const view = (box: unknown, over: Record<string, unknown> = {}) => ({
  box,
  viewport: { width: 1280, height: 720 },
  devicePixelRatio: 1,
  ...over,
});

describe('the crop of the post’s box', () => {
  it('cuts the box scaled by devicePixelRatio, each edge to the nearest pixel', () => {
    const p = planCrop(view({ x: 8, y: 48.4375, width: 1264, height: 148.4375 }), image);
    expect(p.crop).toEqual({ x: 8, y: 48, width: 1264, height: 149 });
    expect(p).toMatchObject({ partial: false, notes: [], scale: 1 });
    const hi = planCrop(view({ x: 10, y: 20, width: 300, height: 100 }, { devicePixelRatio: 2 }), {
      width: 2560,
      height: 1440,
    });
    expect(hi.crop).toEqual({ x: 20, y: 40, width: 600, height: 200 });
    expect(hi.notes).toEqual([]);
  });

  it('keeps the visible part of a post taller than the view, and says so', () => {
    const p = planCrop(view({ x: 100, y: 200, width: 600, height: 3000 }), image);
    expect(p.crop).toEqual({ x: 100, y: 200, width: 600, height: 520 });
    expect(p).toMatchObject({ partial: true, notes: ['cut-bottom'] });
  });

  it('scales by the image when the page’s devicePixelRatio does not match it (zoom, emulation)', () => {
    const p = planCrop(view({ x: 10, y: 10, width: 100, height: 50 }, { devicePixelRatio: 2 }), image);
    expect(p.scale).toBe(1);
    expect(p.crop).toEqual({ x: 10, y: 10, width: 100, height: 50 });
    expect(p.notes).toEqual(['scale-from-image']);
  });

  // A hostile page shapes the element's box as it likes: never an error, always a crop inside the
  // image and a note.
  const hostile: [string, unknown, unknown][] = [
    ['huge', { x: -1e9, y: -1e9, width: 1e12, height: 1e12 }, ['cut-top', 'cut-bottom', 'cut-left', 'cut-right']],
    ['near the largest double', { x: 0, y: 0, width: 1e308, height: 1e308 }, ['cut-bottom', 'cut-right']],
    ['past the largest double', { x: 1e308, y: 0, width: 1e308, height: 10 }, 'box-invalid'],
    ['negative size', { x: 10, y: 10, width: -50, height: 20 }, 'box-invalid'],
    ['negative place, partly visible', { x: -40, y: -10, width: 100, height: 100 }, ['cut-top', 'cut-left']],
    ['off screen below', { x: 0, y: 5000, width: 100, height: 100 }, 'box-off-screen'],
    ['off screen above', { x: 10, y: -500, width: 100, height: 100 }, 'box-off-screen'],
    ['NaN', { x: Number.NaN, y: 0, width: 10, height: 10 }, 'box-invalid'],
    ['Infinity', { x: 0, y: 0, width: Infinity, height: 10 }, 'box-invalid'],
    ['strings', { x: '1', y: '2', width: '3', height: '4' }, 'box-invalid'],
    ['not an object', 'x', 'box-invalid'],
    ['no element', null, 'no-element'],
  ];
  for (const [name, box, note] of hostile)
    it(`a ${name} box gives a clipped image and a note`, () => {
      const p = planCrop(view(box), image);
      expect(p.crop.x).toBeGreaterThanOrEqual(0);
      expect(p.crop.y).toBeGreaterThanOrEqual(0);
      expect(p.crop.width).toBeGreaterThanOrEqual(1);
      expect(p.crop.height).toBeGreaterThanOrEqual(1);
      expect(p.crop.x + p.crop.width).toBeLessThanOrEqual(image.width);
      expect(p.crop.y + p.crop.height).toBeLessThanOrEqual(image.height);
      if (Array.isArray(note)) expect(p.notes).toEqual(note);
      else {
        expect(p.notes).toEqual([note]);
        expect(p.crop).toEqual({ x: 0, y: 0, ...image });
      }
      for (const v of Object.values(p.crop)) expect(Number.isInteger(v)).toBe(true);
      if (p.box) for (const v of Object.values(p.box)) expect(Number.isFinite(v)).toBe(true);
    });

  it('survives a view that is nothing like one (viewport and ratio missing or absurd)', () => {
    for (const v of [undefined, null, 42, { viewport: 'x', devicePixelRatio: -3 }, { devicePixelRatio: Number.NaN }]) {
      const p = planCrop(v, image);
      expect(p.crop).toEqual({ x: 0, y: 0, ...image });
      expect(Number.isFinite(p.scale) && p.scale > 0).toBe(true);
      expect(Number.isFinite(p.viewport.width) && Number.isFinite(p.viewport.height)).toBe(true);
    }
  });
});
