export { readXml, DEFAULT_XML_LIMITS } from './read';
export { decodeXmlText } from './entities';
export { childElements, childText } from './navigate';
export type { XmlElement, XmlLimits } from './types';
