/**
 * Per-type rules from the purl-spec type definitions (`types/<type>-definition.json`):
 * namespace requirement, case sensitivity of namespace / name / version, declared
 * qualifier keys, required qualifiers and permitted characters. Types not listed follow
 * the generic rules (everything case-sensitive, namespace optional).
 */
export interface PurlTypeRule {
  /** `namespace_definition.requirement`. */
  readonly namespace: 'required' | 'optional' | 'prohibited';
  /** `case_sensitive: false` → lowercase; cpan author ids are upper-case. */
  readonly namespaceCase?: 'lower' | 'upper';
  readonly nameCase?: 'lower';
  readonly versionCase?: 'lower';
  /** `version_definition.requirement: required`. */
  readonly versionRequired?: boolean;
  /** Keys of `qualifiers_definition`. */
  readonly qualifiers?: readonly string[];
  /** Qualifiers with `requirement: required`. */
  readonly requiredQualifiers?: readonly string[];
  /** `permitted_characters` of the name and version. */
  readonly namePattern?: RegExp;
  readonly versionPattern?: RegExp;
  /** The namespace is one segment and the name may hold `/` (git: host, then path). */
  readonly singleSegmentNamespace?: boolean;
}

const LOWER_NS_NAME = { namespaceCase: 'lower', nameCase: 'lower' } as const;

export const PURL_TYPE_RULES: Readonly<Record<string, PurlTypeRule>> = {
  alpm: { namespace: 'required', ...LOWER_NS_NAME, qualifiers: ['arch'] },
  apk: { namespace: 'required', ...LOWER_NS_NAME, qualifiers: ['arch'] },
  bazel: { namespace: 'prohibited', versionRequired: true, qualifiers: ['repository_url'] },
  bitbucket: { namespace: 'required', ...LOWER_NS_NAME },
  bitnami: { namespace: 'prohibited', nameCase: 'lower', qualifiers: ['arch', 'distro'] },
  // The brew tests lower-case both tap and formula (`pkg:brew/Homebrew/Core/sqlite`).
  brew: { namespace: 'optional', ...LOWER_NS_NAME, qualifiers: ['repository_url'] },
  cargo: { namespace: 'prohibited' },
  'chrome-extension': {
    namespace: 'prohibited',
    nameCase: 'lower',
    namePattern: /^[a-z]{32}$/,
    versionPattern: /^\d+(\.\d+){0,3}$/,
  },
  cocoapods: { namespace: 'prohibited' },
  composer: { namespace: 'required', ...LOWER_NS_NAME },
  conan: { namespace: 'optional', qualifiers: ['user', 'channel', 'rrev', 'prev'] },
  conda: { namespace: 'prohibited', nameCase: 'lower', qualifiers: ['build', 'channel', 'subdir', 'type'] },
  // cpan: the namespace is the author's CPAN id, written upper-case; the tests accept
  // a distribution without author (`pkg:cpan/DateTime@1.55?author=…`).
  cpan: { namespace: 'optional', namespaceCase: 'upper', qualifiers: ['repository_url', 'download_url', 'vcs_url', 'ext'] },
  cran: { namespace: 'prohibited', versionRequired: true },
  deb: { namespace: 'required', ...LOWER_NS_NAME, qualifiers: ['arch', 'distro'] },
  docker: { namespace: 'optional', qualifiers: ['repository_url', 'platform'] },
  gem: { namespace: 'prohibited', qualifiers: ['platform'] },
  generic: { namespace: 'optional' },
  // git: the tests lower-case host, owner and repository (`pkg:git/github/Package-url/…`).
  git: { namespace: 'required', ...LOWER_NS_NAME, singleSegmentNamespace: true },
  github: { namespace: 'required', ...LOWER_NS_NAME },
  golang: { namespace: 'optional' },
  hackage: { namespace: 'prohibited', versionRequired: true },
  hex: { namespace: 'optional', ...LOWER_NS_NAME },
  huggingface: { namespace: 'optional', versionCase: 'lower' },
  julia: { namespace: 'prohibited', qualifiers: ['uuid'], requiredQualifiers: ['uuid'] },
  luarocks: { namespace: 'optional', ...LOWER_NS_NAME },
  maven: { namespace: 'required', qualifiers: ['classifier', 'type'] },
  mlflow: { namespace: 'prohibited', qualifiers: ['repository_url', 'model_uuid', 'run_id'] },
  npm: { namespace: 'optional', ...LOWER_NS_NAME },
  nuget: { namespace: 'prohibited' },
  oci: { namespace: 'prohibited', nameCase: 'lower', versionCase: 'lower', qualifiers: ['arch', 'repository_url', 'tag'] },
  opam: { namespace: 'prohibited' },
  otp: { namespace: 'prohibited', qualifiers: ['arch', 'platform', 'repository_url', 'vcs_url'] },
  pub: { namespace: 'prohibited', nameCase: 'lower' },
  pypi: { namespace: 'prohibited', nameCase: 'lower', versionCase: 'lower', qualifiers: ['file_name'] },
  qpkg: { namespace: 'required', namespaceCase: 'lower' },
  rpm: { namespace: 'optional', namespaceCase: 'lower', qualifiers: ['arch', 'distro', 'epoch'] },
  swid: {
    namespace: 'optional',
    qualifiers: ['tag_id', 'tag_version', 'patch', 'tag_creator_name', 'tag_creator_regid'],
    requiredQualifiers: ['tag_id'],
  },
  swift: { namespace: 'required', versionRequired: true },
  vcpkg: { namespace: 'prohibited', qualifiers: ['triplet', 'port_version', 'features', 'repository_url', 'vcs_url'] },
  'vscode-extension': { namespace: 'required', ...LOWER_NS_NAME, versionCase: 'lower', qualifiers: ['platform'] },
  yocto: { namespace: 'optional', qualifiers: ['layer_version', 'repository_url'] },
};

const GENERIC_RULE: PurlTypeRule = { namespace: 'optional' };

/** The rule for a (lower-case) type; unknown types get the generic rule. */
export function ruleFor(type: string): PurlTypeRule {
  return Object.hasOwn(PURL_TYPE_RULES, type) ? PURL_TYPE_RULES[type]! : GENERIC_RULE;
}
