#!/usr/bin/env node
// Committed launcher so npm can link the executable before the first build.
await import('../dist/bin.js');
