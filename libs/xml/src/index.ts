export { readXmlElements } from './xml-elements.js';
export type { XmlElement } from './xml-elements.js';
