#!/usr/bin/env node
// Committed launcher so npm can link the executable before the first build. It runs the one-file
// bundle the build makes (scripts/bundle-tool.mjs; it starts several times faster), unless dist/
// was rebuilt without it since (plain tsc), and dist/bin.js otherwise.
import { statSync } from 'node:fs';
const mtime = (file) => statSync(new URL(file, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
const bundled = mtime('../dist/bundle/bin.js') >= mtime('../dist/bin.js') - 1000;
await import(bundled ? '../dist/bundle/bin.js' : '../dist/bin.js');
