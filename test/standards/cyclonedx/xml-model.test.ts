import { describe, expect, it } from 'vitest';
import { parseCycloneDx } from '../../../src/standards/cyclonedx';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const bom = (version: string, body: string, rootAttributes = ''): string =>
  `<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1"${rootAttributes}>${body}</bom>`;
const json = (text: string): Record<string, unknown> => parseCycloneDx(text).bom as unknown as Record<string, unknown>;

describe('CycloneDX XML → JSON model', () => {
  it('keeps an enveloped XML signature as one, with its method and value', () => {
    const signature = `<ds:Signature><ds:SignedInfo><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/></ds:SignedInfo><ds:SignatureValue>
      tqIT
      AA==</ds:SignatureValue></ds:Signature>`;
    const model = json(bom('1.6', `<components><component type="library"><name>a</name></component></components>${signature}`, ` xmlns:ds="${DS}"`));
    expect(model.signature).toEqual({ xmlSignature: { signatureMethod: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256', signatureValue: 'tqITAA==' } });
  });

  it('ignores a <Signature> of another namespace (an extension element)', () => {
    const model = json(bom('1.6', '<x:Signature xmlns:x="urn:example:not-xmldsig"/>'));
    expect(model).not.toHaveProperty('signature');
  });

  it('maps an XSD choice wrapper onto the chosen value (1.7 patent asserter)', () => {
    const assertion = (asserter: string): string =>
      `<patentAssertions><patentAssertion><assertionType>ownership</assertionType><asserter>${asserter}</asserter></patentAssertion></patentAssertions>`;
    const model = json(
      bom(
        '1.7',
        `<components><component type="library" bom-ref="c"><name>a</name>${assertion('<ref>org-1</ref>')}</component>
      <component type="library" bom-ref="d"><name>b</name>${assertion('<organization><name>Acme</name><url>https://acme.example</url></organization>')}</component></components>`,
      ),
    );
    const asserters = (model.components as Array<{ patentAssertions: Array<{ asserter: unknown }> }>).map((c) => c.patentAssertions[0]!.asserter);
    expect(asserters).toEqual(['org-1', { name: 'Acme', url: ['https://acme.example'] }]);
  });

  it('maps formulation environment variables: named properties and bare values, mixed', () => {
    const model = json(
      bom(
        '1.6',
        `<formulation><formula><workflows><workflow bom-ref="w"><uid>w</uid><taskTypes><taskType>build</taskType></taskTypes>
      <inputs><input><environmentVars><environmentVar name="Foo">Bar</environmentVar><value>FooBar</value></environmentVars></input>
      <input><environmentVars><value>Baz</value></environmentVars></input></inputs></workflow></workflows></formula></formulation>`,
      ),
    );
    const inputs = (model.formulation as Array<{ workflows: Array<{ inputs: Array<{ environmentVars: unknown }> }> }>)[0]!.workflows[0]!.inputs;
    expect(inputs.map((i) => i.environmentVars)).toEqual([[{ name: 'Foo', value: 'Bar' }, 'FooBar'], ['Baz']]);
  });

  it('maps the deprecated <cryptoRef> onto cryptoRefArray', () => {
    const model = json(
      bom(
        '1.6',
        `<components><component type="cryptographic-asset"><name>tls</name><cryptoProperties><assetType>protocol</assetType>
      <protocolProperties><type>tls</type><cryptoRef>asset-4</cryptoRef><cryptoRef>asset-5</cryptoRef></protocolProperties></cryptoProperties></component></components>`,
      ),
    );
    const component = (model.components as Array<{ cryptoProperties: { protocolProperties: unknown } }>)[0]!;
    expect(component.cryptoProperties.protocolProperties).toEqual({ type: 'tls', cryptoRefArray: ['asset-4', 'asset-5'] });
  });

  it('reads 1.5 affected versions given as elements', () => {
    const model = json(
      bom(
        '1.5',
        `<vulnerabilities><vulnerability><id>CVE-1</id><affects><target><ref>c</ref><versions>
      <version><range>vers:semver/&lt;2.0</range><status>affected</status></version><version><version>2.1</version></version></versions></target></affects></vulnerability></vulnerabilities>`,
      ),
    );
    const affects = (model.vulnerabilities as Array<{ affects: Array<{ versions: unknown }> }>)[0]!.affects[0]!;
    expect(affects.versions).toEqual([{ range: 'vers:semver/<2.0', status: 'affected' }, { version: '2.1' }]);
  });
});
