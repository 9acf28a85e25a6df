export { fetchFromScm } from './scm-fetch.js';
export type { ScmDict, ScmContext } from './scm-fetch.js';
