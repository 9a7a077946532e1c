import { childElements, childText, type XmlElement } from '../xml';

/** XML Signature Syntax and Processing 1.1 §1.3: the namespace of `<Signature>`. */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * The JSON model of an enveloped XML signature. CycloneDX signs JSON with JSF and XML with
 * XML Signature (CycloneDX XSD: `<xs:element ref="ds:Signature">` where the JSON Schema has
 * `signature`). The two cannot be converted into each other (each signs its own
 * serialization), so an XML signature is kept as what it is: the algorithm and value it names,
 * under `xmlSignature`, never dressed up as a JSF signature.
 */
export function xmlSignatureModel(signature: XmlElement): Record<string, unknown> {
  const signedInfo = childElements(signature, 'SignedInfo')[0];
  const method = signedInfo ? childElements(signedInfo, 'SignatureMethod')[0]?.attributes.Algorithm : undefined;
  // XML Signature §4.5: SignatureValue is base64, which may be wrapped over lines.
  const value = childText(signature, 'SignatureValue')?.replace(/\s+/g, '');
  return {
    xmlSignature: {
      ...(method ? { signatureMethod: method } : {}),
      ...(value ? { signatureValue: value } : {}),
    },
  };
}

/**
 * Stands in for the JSF side schema (`jsf-0.82.schema.json`, same `$id`) when an XML BOM is
 * checked: every `signature` of the XML form is an {@link xmlSignatureModel}.
 */
export const XML_SIGNATURE_SCHEMA = {
  $id: 'http://cyclonedx.org/schema/jsf-0.82.schema.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    signature: {
      type: 'object',
      title: 'Enveloped XML signature (XML Signature Syntax and Processing)',
      required: ['xmlSignature'],
      additionalProperties: false,
      properties: {
        xmlSignature: {
          type: 'object',
          additionalProperties: false,
          properties: { signatureMethod: { type: 'string' }, signatureValue: { type: 'string' } },
        },
      },
    },
  },
} as const;
