// Regenerates workspace-docs/config-reference.md from the built config lib.
import { writeFileSync } from 'node:fs';
import { renderConfigReference } from '@compose/config';

writeFileSync(new URL('../workspace-docs/config-reference.md', import.meta.url), renderConfigReference());
