export { validateConfig, effectiveConfig } from './validate-config.js';
export { checkSemantics } from './semantic.js';
export { suggestName, editDistance } from './suggest-name.js';
export { formatConfigPath } from './describe-value.js';
export type { ConfigIssue, ConfigWarning, ValidateOptions, ValidationResult } from './types.js';
