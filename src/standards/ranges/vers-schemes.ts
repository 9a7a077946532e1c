import { alpine } from '../versions/alpine';
import { alpm } from '../versions/alpm';
import { conan } from '../versions/conan';
import { datetime, lexicographic } from '../versions/datetime';
import { debian } from '../versions/debian';
import { cran, hackage } from '../versions/dotted';
import { generic } from '../versions/generic';
import { gentoo } from '../versions/gentoo';
import { maven } from '../versions/maven';
import { nuget } from '../versions/nuget';
import { openssl } from '../versions/openssl';
import { packagist } from '../versions/packagist';
import { pep440 } from '../versions/pep440';
import { rpm } from '../versions/rpm';
import { rubygems } from '../versions/rubygems';
import { cargoSemver, goSemver, hexSemver, lenientSemver, npmSemver, pubSemver } from '../versions/semver';
import type { VersionScheme } from '../versions/types';

/** vers versioning schemes (vers-spec `schemes`) and the order each uses. */
export const VERS_SCHEMES: Readonly<Record<string, VersionScheme>> = {
  npm: npmSemver,
  pypi: pep440,
  maven,
  gem: rubygems,
  nuget,
  composer: packagist,
  deb: debian,
  rpm,
  apk: alpine,
  alpine,
  alpm,
  gentoo,
  conan,
  openssl,
  datetime,
  lexicographic,
  cran,
  hackage,
  intdot: hackage,
  golang: goSemver,
  cargo: cargoSemver,
  hex: hexSemver,
  pub: pubSemver,
  github: lenientSemver,
  semver: lenientSemver,
  nginx: lenientSemver,
  generic,
};
