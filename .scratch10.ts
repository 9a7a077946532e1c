import { readXml, type XmlElement } from './src/standards/xml';
const t = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components><component type=\"library\"><hashes><hash alg=\"HA-256\"><!ENTITY x \"y\">aa</hash></hashes><licenses><license><id>MIT</id></license></licenses></component></components></bom>";
const show = (e: XmlElement, d = 0): void => { if (d > 12) { console.log('...deep'); return; } console.log(' '.repeat(d*2) + e.name + ' ' + JSON.stringify(e.attributes) + ' ' + JSON.stringify(e.text.slice(0,20))); e.children.forEach(c => show(c, d+1)); };
show(readXml(t, 't'));
