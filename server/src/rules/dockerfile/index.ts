// Dockerfile rules, imported explicitly and kept sorted by id; test/core/meta.test.ts checks this list.
import type { Rule } from '../../core/types';
import addRemoteChecksum from './add-remote-checksum';
import aptNoInstallRecommends from './apt-no-install-recommends';
import copyContextDockerignore from './copy-context-dockerignore';
import execFormCmd from './exec-form-cmd';
import fromArgDefault from './from-arg-default';
import missingFrom from './missing-from';
import missingUser from './missing-user';
import noContentTrustOff from './no-content-trust-off';
import noCopyWholeStage from './no-copy-whole-stage';
import noExposeSsh from './no-expose-ssh';
import noHardcodedSecret from './no-hardcoded-secret';
import noInsecureTls from './no-insecure-tls';
import noLatestTag from './no-latest-tag';
import noPasswordChange from './no-password-change';
import noPipeToShell from './no-pipe-to-shell';
import noPlainHttp from './no-plain-http';
import noRootUser from './no-root-user';
import noSecretArgEnv from './no-secret-arg-env';
import noSecretFileCopy from './no-secret-file-copy';
import noSshServer from './no-ssh-server';
import noSudo from './no-sudo';
import noUnsignedPackages from './no-unsigned-packages';
import numericUser from './numeric-user';
import pinBaseImageDigest from './pin-base-image-digest';
import pinLanguagePackages from './pin-language-packages';
import pinOsPackages from './pin-os-packages';
import pipefail from './pipefail';
import preferCopy from './prefer-copy';
import requireHealthcheck from './require-healthcheck';
import trustedRegistry from './trusted-registry';
import unsafePermissions from './unsafe-permissions';
import useSecretMount from './use-secret-mount';
import validExpose from './valid-expose';
import verifyDownloads from './verify-downloads';
import workdirSystemDir from './workdir-system-dir';

export const DOCKERFILE_RULES: readonly Rule[] = [
  addRemoteChecksum,
  aptNoInstallRecommends,
  copyContextDockerignore,
  execFormCmd,
  fromArgDefault,
  missingFrom,
  missingUser,
  noContentTrustOff,
  noCopyWholeStage,
  noExposeSsh,
  noHardcodedSecret,
  noInsecureTls,
  noLatestTag,
  noPasswordChange,
  noPipeToShell,
  noPlainHttp,
  noRootUser,
  noSecretArgEnv,
  noSecretFileCopy,
  noSshServer,
  noSudo,
  noUnsignedPackages,
  numericUser,
  pinBaseImageDigest,
  pinLanguagePackages,
  pinOsPackages,
  pipefail,
  preferCopy,
  requireHealthcheck,
  trustedRegistry,
  unsafePermissions,
  useSecretMount,
  validExpose,
  verifyDownloads,
  workdirSystemDir,
];
