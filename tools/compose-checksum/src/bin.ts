#!/usr/bin/env node
import { runWithBoundary } from '@compose/errors';
import { runCli } from './command.js';

const argv = process.argv.slice(2);
await runWithBoundary((signal) => runCli(argv, signal), { program: 'compose-checksum', json: () => argv.includes('--json') });
