#!/usr/bin/env node
// Bundles a built tool (dist/bin.js and everything it imports, libs and npm packages) into one
// file, dist/bundle/bin.js, which its bin/ launcher prefers. Node's ESM loader spends most of a
// tool's start-up resolving and opening its ~300 modules; a compose starts a tool per phase, so
// that cost (~0.25 s of CPU each) was a large part of a whole compose of the sample product.
// Run from the tool's directory, after tsc: `tsc -p tsconfig.json && node ../../scripts/bundle-tool.mjs`.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const toolDir = process.cwd();
const entry = path.join(toolDir, 'dist', 'bin.js');
const outfile = path.join(toolDir, 'dist', 'bundle', 'bin.js');
const outDir = path.dirname(outfile);

/**
 * `new URL('./worker.js', import.meta.url)` (worker threads, files next to a module) points next
 * to the module that wrote it; once bundled, import.meta.url is the bundle's, so the relative
 * path is rewritten to lead from the bundle to the same file.
 */
const keepRelativeUrls = {
  name: 'keep-relative-urls',
  setup(b) {
    b.onLoad({ filter: /\/dist\/.*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const contents = source.replace(/new URL\((['"])(\.{1,2}\/[^'"]*)\1,\s*import\.meta\.url\)/g, (_match, _quote, relative) => {
        const target = path.resolve(path.dirname(args.path), relative);
        let fromBundle = path.relative(outDir, target).split(path.sep).join('/');
        if (!fromBundle.startsWith('.')) fromBundle = `./${fromBundle}`;
        if (relative.endsWith('/') && !fromBundle.endsWith('/')) fromBundle += '/';
        return `new URL(${JSON.stringify(fromBundle)}, import.meta.url)`;
      });
      return { contents, loader: 'js' };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (yargs, ajv) call require() for Node built-ins.
  banner: { js: "import { createRequire as __composeCreateRequire } from 'node:module'; const require = __composeCreateRequire(import.meta.url);" },
  plugins: [keepRelativeUrls],
  legalComments: 'none',
  logLevel: 'warning',
});
