import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isCanonicalJson } from '../../domain/canonical-json';
import { evidenceHashInput, evidenceSha256, fromBase64, toBase64 } from '../../domain/evidence-hash';
import { tinyPng } from './fixtures';

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined members, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('orders keys by UTF-16 code units and escapes strings as JSON.stringify does', () => {
    expect(canonicalJson({ é: 1, Z: 2, a: 3, '😀': 4, ﬀ: 5 })).toBe('{"Z":2,"a":3,"é":1,"😀":4,"ﬀ":5}');
    expect(canonicalJson('line\nbreak "quoted" \u0001 \u2028 ñ')).toBe('"line\\nbreak \\"quoted\\" \\u0001 \u2028 ñ"');
    expect(canonicalJson([1.5, -0, 1e21, 0.1])).toBe('[1.5,0,1e+21,0.1]');
  });

  it('refuses what JSON cannot hold instead of writing null', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: Infinity })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it('tells canonical text from the same value written otherwise', () => {
    expect(isCanonicalJson('{"a":1,"b":[true]}')).toBe(true);
    expect(isCanonicalJson('{"b":[true],"a":1}')).toBe(false);
    expect(isCanonicalJson('{"a": 1}')).toBe(false);
    expect(isCanonicalJson('not json')).toBe(false);
  });
});

describe('the evidence hash', () => {
  it('covers the image length, a line feed, the image bytes and the UTF-8 JSON, as documented', async () => {
    const png = tinyPng();
    const json = canonicalJson({ text: 'Geen internet — 3 weken' });
    const bytes = evidenceHashInput(png, json);
    const expected = Buffer.concat([Buffer.from(`${png.length}\n`), Buffer.from(png), Buffer.from(json, 'utf8')]);
    expect(Buffer.from(bytes).equals(expected)).toBe(true);
    // Web Crypto and Node's own SHA-256 agree: anyone can recompute it.
    expect(await evidenceSha256(png, json)).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('changes when one byte of the image or the JSON changes, or a byte moves between them', async () => {
    const png = tinyPng();
    const json = '{"a":1}';
    const h = await evidenceSha256(png, json);
    const flipped = png.slice();
    flipped[40] = flipped[40]! ^ 1;
    expect(await evidenceSha256(flipped, json)).not.toBe(h);
    expect(await evidenceSha256(png, '{"a":2}')).not.toBe(h);
    const moved = new Uint8Array([...png, 0x7b]);
    expect(await evidenceSha256(moved, json.slice(1))).not.toBe(h);
  });

  it('round-trips bytes through base64, large images included', () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    expect([...fromBase64(toBase64(big))]).toEqual([...big]);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
    expect(() => fromBase64('not base64!')).toThrow();
  });
});
