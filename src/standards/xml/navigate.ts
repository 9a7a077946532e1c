import type { XmlElement } from './types';

/** The children of `element` with the given local name (namespace prefix ignored). */
export function childElements(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((child) => child.localName === localName);
}

/** The text of the first child with the given local name, when there is one. */
export function childText(element: XmlElement, localName: string): string | undefined {
  return element.children.find((child) => child.localName === localName)?.text;
}
