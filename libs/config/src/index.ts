export * from './parser/index.js';
export * from './schema/index.js';
export * from './validate/index.js';
export * from './lookup/index.js';
