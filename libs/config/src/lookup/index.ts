export { getVariantArchValue, getMatchingVariantPatterns, getVariantValue, getArchValue } from './variant-arch.js';
export { compilePythonRegex, isValidPythonRegex, matchesPythonRegex } from './python-regex.js';
