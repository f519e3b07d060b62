import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Serves an ES module that imports nothing (one bundled file, such as tinyld's) so that its body
 * runs on the first call of one of its exported functions instead of when the bundle starts.
 *
 * Why: a Chrome MV3 service worker cannot use import(), so everything in background.js runs each
 * time the worker starts (Chrome stops it after 30 s idle). tinyld builds its n-gram tables when its
 * module runs (~12 ms of a cold start here), though only a capture from a page without a lang
 * attribute needs it. Only function exports can be deferred this way; the plugin refuses a file
 * with imports, or whose exports it cannot read.
 */
export function lazyModule(specifier: string, file: string): Plugin {
  const id = `\0lazy-module:${specifier}`;
  return {
    name: 'lazy-module',
    enforce: 'pre',
    resolveId: (source) => (source === specifier ? id : null),
    load(loadId) {
      if (loadId !== id) return null;
      const code = readFileSync(file, 'utf8');
      const exported = /export\s*\{([^}]*)\};?\s*$/.exec(code);
      if (!exported || /(^|[;}\s])import\s*[{*"'\w]/.test(code))
        throw new Error(`lazy-module: ${file} must import nothing and end in one export { … }`);
      const names = exported[1]!.split(',').map((s) => {
        const [local, name = local] = s.trim().split(/\s+as\s+/) as [string, string?];
        return { local, name };
      });
      return [
        `function load() {\n${code.slice(0, exported.index)}\nreturn { ${names.map((n) => `${n.name}: ${n.local}`).join(', ')} };\n}`,
        'let loaded;',
        ...names.map((n) => `export function ${n.name}(...args) { return (loaded ??= load()).${n.name}(...args); }`),
      ].join('\n');
    },
  };
}
