import { listConfigOptions } from './list-options.js';

/**
 * workspace-docs/config-reference.md, generated from the schema so the documentation can
 * never drift from what validate-config accepts (a test compares the committed page).
 */
export function renderConfigReference(): string {
  const options = listConfigOptions();
  const lines = [
    '# Config reference',
    '',
    'Generated from the config schema (`libs/config/src/schema/`) by `node scripts/gen-config-reference.mjs`;',
    'a test fails when this page and the schema disagree. Syntax: see [config-format.md](config-format.md).',
    '',
    `${options.length} options. **Mandatory** options must be set; *deprecated* ones are accepted with a warning;`,
    'defaults marked "machine" depend on the machine that runs the compose.',
    '',
    '| option | type | default | description |',
    '|---|---|---|---|',
  ];
  for (const option of options) {
    const name = option.mandatory ? `**${option.name}**` : option.deprecated ? `*${option.name}*` : option.name;
    const fallback = option.machineDependent ? 'machine' : option.default === undefined ? '' : `\`${JSON.stringify(option.default)}\``;
    lines.push(`| ${name} | ${escapeCell(option.type)} | ${escapeCell(fallback)} | ${escapeCell(option.description ?? '')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
