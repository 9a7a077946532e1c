import { FormatError, type Problem } from '../problem';

const FORMAT = 'spdx';
type Json = Record<string, unknown>;
type Section = 'document' | 'package' | 'file' | 'snippet' | 'license' | 'annotation';

// SPDX 2.3 Annex / tag-value: `Tag: value`, where a value may span lines inside <text>…</text>.
// Each tag maps to a JSON-model field (SPDX 2.3 JSON schema) of the section it belongs to.
const STARTS: Readonly<Record<string, Exclude<Section, 'document'>>> = {
  PackageName: 'package',
  FileName: 'file',
  SnippetSPDXID: 'snippet',
  LicenseID: 'license',
  Annotator: 'annotation',
};
const SCALAR: Readonly<Record<Section, Readonly<Record<string, string>>>> = {
  document: {
    SPDXVersion: 'spdxVersion',
    DataLicense: 'dataLicense',
    SPDXID: 'SPDXID',
    DocumentName: 'name',
    DocumentNamespace: 'documentNamespace',
    DocumentComment: 'comment',
  },
  package: {
    PackageName: 'name',
    SPDXID: 'SPDXID',
    PackageVersion: 'versionInfo',
    PackageFileName: 'packageFileName',
    PackageSupplier: 'supplier',
    PackageOriginator: 'originator',
    PackageDownloadLocation: 'downloadLocation',
    PackageHomePage: 'homepage',
    PackageSourceInfo: 'sourceInfo',
    PackageLicenseConcluded: 'licenseConcluded',
    PackageLicenseDeclared: 'licenseDeclared',
    PackageLicenseComments: 'licenseComments',
    PackageCopyrightText: 'copyrightText',
    PackageSummary: 'summary',
    PackageDescription: 'description',
    PackageComment: 'comment',
    PrimaryPackagePurpose: 'primaryPackagePurpose',
    ReleaseDate: 'releaseDate',
    BuiltDate: 'builtDate',
    ValidUntilDate: 'validUntilDate',
  },
  file: {
    FileName: 'fileName',
    SPDXID: 'SPDXID',
    LicenseConcluded: 'licenseConcluded',
    LicenseComments: 'licenseComments',
    FileCopyrightText: 'copyrightText',
    FileComment: 'comment',
    FileNotice: 'noticeText',
  },
  snippet: {
    SnippetSPDXID: 'SPDXID',
    SnippetFromFileSPDXID: 'snippetFromFile',
    SnippetName: 'name',
    SnippetLicenseConcluded: 'licenseConcluded',
    SnippetLicenseComments: 'licenseComments',
    SnippetCopyrightText: 'copyrightText',
    SnippetComment: 'comment',
  },
  license: { LicenseID: 'licenseId', ExtractedText: 'extractedText', LicenseName: 'name', LicenseComment: 'comment' },
  annotation: { Annotator: 'annotator', AnnotationDate: 'annotationDate', AnnotationType: 'annotationType', AnnotationComment: 'comment' },
};
const LISTS: Readonly<Record<Section, Readonly<Record<string, string>>>> = {
  document: {},
  package: { PackageLicenseInfoFromFiles: 'licenseInfoFromFiles', PackageAttributionText: 'attributionTexts' },
  file: { FileType: 'fileTypes', LicenseInfoInFile: 'licenseInfoInFiles', FileContributor: 'fileContributors', FileAttributionText: 'attributionTexts' },
  snippet: { LicenseInfoInSnippet: 'licenseInfoInSnippets', SnippetAttributionText: 'attributionTexts' },
  license: { LicenseCrossReference: 'seeAlsos' },
  annotation: {},
};
const COLLECTION: Readonly<Record<Exclude<Section, 'document'>, string>> = {
  package: 'packages',
  file: 'files',
  snippet: 'snippets',
  license: 'hasExtractedLicensingInfos',
  annotation: 'annotations',
};

interface Line {
  readonly tag: string;
  readonly value: string;
  readonly line: number;
}

/**
 * Reads an SPDX 2.x tag-value document into the SPDX 2.3 JSON model, so that the JSON Schema
 * and the same readers apply. Files that follow a package are that package's files
 * (SPDX 2.3 §5.2: "files … are contained by the package most recently described").
 *
 * @throws FormatError for syntax errors and unknown tags, with the line number in the message
 */
export function tagValueToJsonModel(text: string): Json {
  const document: Json = {};
  const problems: Problem[] = [];
  let section: Section = 'document';
  let current: Json = document;
  let lastPackage: Json | undefined;
  let lastRelationship: Json | undefined;
  let lastRef: Json | undefined;
  for (const { tag, value, line } of tagLines(text)) {
    const started = STARTS[tag];
    if (started) {
      section = started;
      current = {};
      push(document, COLLECTION[started], current);
      if (started === 'package') lastPackage = current;
      const file = current;
      if (started === 'file' && lastPackage) push(lastPackage, 'hasFiles', () => file.SPDXID);
    }
    const scalar = SCALAR[section][tag];
    const list = LISTS[section][tag];
    if (scalar) current[scalar] = value;
    else if (list) push(current, list, value);
    else if (
      !otherTag(
        tag,
        value,
        { document, current, section, line, problems },
        (r) => (lastRelationship = r),
        (r) => (lastRef = r),
      )
    ) {
      if (tag === 'RelationshipComment' && lastRelationship) lastRelationship.comment = value;
      else if (tag === 'ExternalRefComment' && lastRef) lastRef.comment = value;
      else problems.push({ path: '', message: `line ${line}: unknown or misplaced tag ${tag}` });
    }
  }
  if (problems.length > 0) throw new FormatError(FORMAT, problems);
  return resolveDeferred(document);
}

interface TagContext {
  readonly document: Json;
  readonly current: Json;
  readonly section: Section;
  readonly line: number;
  readonly problems: Problem[];
}

// Tags whose value has inner structure: checksums, external refs, creators, relationships.
function otherTag(tag: string, value: string, c: TagContext, onRelationship: (r: Json) => void, onRef: (r: Json) => void): boolean {
  const bad = (what: string): true => {
    c.problems.push({ path: '', message: `line ${c.line}: ${tag} must be ${what}` });
    return true;
  };
  switch (tag) {
    case 'PackageChecksum':
    case 'FileChecksum': {
      const match = /^([\w-]+):\s*([0-9a-fA-F]+)$/.exec(value);
      if (!match) return bad('"ALGORITHM: hex digest"');
      push(c.current, 'checksums', { algorithm: match[1], checksumValue: match[2] });
      return true;
    }
    case 'PackageVerificationCode': {
      // SPDX 2.3 §7.9: "(excludes: …)"; the specification's own example omits "excludes:".
      const match = /^([0-9a-fA-F]+)\s*(?:\(\s*(?:excludes:)?\s*(.*)\))?$/i.exec(value);
      if (!match) return bad('a hex verification code');
      c.current.packageVerificationCode = { packageVerificationCodeValue: match[1], ...(match[2] ? { packageVerificationCodeExcludedFiles: [match[2]] } : {}) };
      return true;
    }
    case 'FilesAnalyzed':
      if (value !== 'true' && value !== 'false') return bad('true or false');
      c.current.filesAnalyzed = value === 'true';
      return true;
    case 'ExternalRef': {
      const match = /^(\S+)\s+(\S+)\s+(.+)$/.exec(value);
      if (!match) return bad('"CATEGORY TYPE LOCATOR"');
      const ref = { referenceCategory: match[1]!.replace(/_/g, '-'), referenceType: match[2], referenceLocator: match[3] };
      push(c.current, 'externalRefs', ref);
      onRef(ref);
      return true;
    }
    case 'Creator':
    case 'Created':
    case 'CreatorComment':
    case 'LicenseListVersion': {
      c.document.creationInfo ??= {};
      const info = c.document.creationInfo as Json;
      const field = { Creator: 'creators', Created: 'created', CreatorComment: 'comment', LicenseListVersion: 'licenseListVersion' }[tag];
      if (tag === 'Creator') push(info, 'creators', value);
      else info[field] = value;
      return true;
    }
    case 'ExternalDocumentRef': {
      const match = /^(\S+)\s+(\S+)\s+([\w-]+):\s*([0-9a-fA-F]+)$/.exec(value);
      if (!match) return bad('"DocumentRef-ID URI ALGORITHM: digest"');
      push(c.document, 'externalDocumentRefs', {
        externalDocumentId: match[1],
        spdxDocument: match[2],
        checksum: { algorithm: match[3], checksumValue: match[4] },
      });
      return true;
    }
    case 'Relationship': {
      const match = /^(\S+)\s+(\S+)\s+(\S+)$/.exec(value);
      if (!match) return bad('"ELEMENT-ID TYPE RELATED-ELEMENT-ID"');
      const relationship = { spdxElementId: match[1], relationshipType: match[2], relatedSpdxElement: match[3] };
      push(c.document, 'relationships', relationship);
      onRelationship(relationship);
      return true;
    }
    case 'SPDXREF':
      if (c.section !== 'annotation') return false;
      c.current.spdxElementId = value;
      return true;
    case 'SnippetByteRange':
    case 'SnippetLineRange': {
      const match = /^(\d+):(\d+)$/.exec(value);
      if (!match) return bad('"START:END"');
      const key = tag === 'SnippetByteRange' ? 'offset' : 'lineNumber';
      push(c.current, 'ranges', { startPointer: { [key]: Number(match[1]) }, endPointer: { [key]: Number(match[2]) } });
      return true;
    }
    default:
      return false;
  }
}

function* tagLines(text: string): Generator<Line> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const colon = raw.indexOf(':');
    if (colon <= 0) throw new FormatError(FORMAT, [{ path: '', message: `line ${i + 1}: expected "Tag: value"` }]);
    const tag = raw.slice(0, colon).trim();
    let value = raw.slice(colon + 1).trim();
    const start = i + 1;
    if (value.startsWith('<text>')) {
      value = value.slice('<text>'.length);
      while (!value.includes('</text>')) {
        i++;
        if (i >= lines.length) throw new FormatError(FORMAT, [{ path: '', message: `line ${start}: <text> is not closed` }]);
        value += `\n${lines[i]}`;
      }
      value = value.slice(0, value.indexOf('</text>'));
    }
    yield { tag, value, line: start };
  }
}

function push(target: Json, key: string, value: unknown): void {
  target[key] ??= [];
  (target[key] as unknown[]).push(value);
}

// hasFiles entries are recorded before the file's SPDXID line is read: resolve them now.
// Annotations name their element (SPDXREF); the JSON model nests them in that element.
function resolveDeferred(document: Json): Json {
  const elements = new Map<unknown, Json>([[document.SPDXID, document]]);
  for (const key of ['packages', 'files', 'snippets']) {
    for (const element of (document[key] as Json[] | undefined) ?? []) elements.set(element.SPDXID, element);
  }
  // SPDX 2.3 §9.3/§9.4: snippet ranges point into the snippet's file.
  for (const snippet of (document.snippets as Json[] | undefined) ?? []) {
    for (const range of (snippet.ranges as Array<Record<string, Json>> | undefined) ?? []) {
      range.startPointer!.reference = snippet.snippetFromFile;
      range.endPointer!.reference = snippet.snippetFromFile;
    }
  }
  for (const pkg of (document.packages as Json[] | undefined) ?? []) {
    if (Array.isArray(pkg.hasFiles)) pkg.hasFiles = pkg.hasFiles.map((id: unknown) => (typeof id === 'function' ? id() : id));
  }
  const annotations = (document.annotations as Json[] | undefined) ?? [];
  delete document.annotations;
  for (const { spdxElementId, ...annotation } of annotations) {
    push(elements.get(spdxElementId) ?? document, 'annotations', annotation);
  }
  return document;
}
