// Every Compose rule, sorted by id; explicit imports keep the bundle honest (checked by test/core/meta.test.ts).
import type { Rule } from '../../core/types';
import addedCapabilities from './added-capabilities';
import capabilitiesDropAll from './capabilities-drop-all';
import cgroupParent from './cgroup-parent';
import containerRuntimeSocket from './container-runtime-socket';
import dangerousCapabilities from './dangerous-capabilities';
import healthcheck from './healthcheck';
import hostDevices from './host-devices';
import hostNamespaces from './host-namespaces';
import imageLatestTag from './image-latest-tag';
import imageNotPinned from './image-not-pinned';
import literalSecretInEnv from './literal-secret-in-env';
import networks from './networks';
import noNewPrivileges from './no-new-privileges';
import noPrivileged from './no-privileged';
import portAllInterfaces from './port-all-interfaces';
import readOnlyFilesystem from './read-only-filesystem';
import resourceLimits from './resource-limits';
import restartPolicy from './restart-policy';
import rootUser from './root-user';
import sensitiveHostPath from './sensitive-host-path';
import trustedRegistry from './trusted-registry';
import unconfinedSecurityOpt from './unconfined-security-opt';
import unsafeSysctls from './unsafe-sysctls';
import writableHostMount from './writable-host-mount';

export const COMPOSE_RULES: readonly Rule[] = [
  addedCapabilities,
  capabilitiesDropAll,
  cgroupParent,
  containerRuntimeSocket,
  dangerousCapabilities,
  healthcheck,
  hostDevices,
  hostNamespaces,
  imageLatestTag,
  imageNotPinned,
  literalSecretInEnv,
  networks,
  noNewPrivileges,
  noPrivileged,
  portAllInterfaces,
  readOnlyFilesystem,
  resourceLimits,
  restartPolicy,
  rootUser,
  sensitiveHostPath,
  trustedRegistry,
  unconfinedSecurityOpt,
  unsafeSysctls,
  writableHostMount,
];
