// Kubernetes rules, imported explicitly and kept sorted by id; test/core/meta.test.ts checks this list.
import type { Rule } from '../../core/types';
import addedCapabilities from './added-capabilities';
import allowPrivilegeEscalation from './allow-privilege-escalation';
import apparmorOverride from './apparmor-override';
import automountServiceAccountToken from './automount-service-account-token';
import bindingToSystemGroup from './binding-to-system-group';
import capabilitiesDropAll from './capabilities-drop-all';
import clusterAdminBinding from './cluster-admin-binding';
import containerRuntimeSocket from './container-runtime-socket';
import cpuLimit from './cpu-limit';
import cpuRequest from './cpu-request';
import dangerousCapabilities from './dangerous-capabilities';
import dangerousComponent from './dangerous-component';
import defaultNamespace from './default-namespace';
import defaultServiceAccount from './default-service-account';
import hostAliases from './host-aliases';
import hostPathVolume from './host-path-volume';
import hostPort from './host-port';
import hostUsers from './host-users';
import imageLatestTag from './image-latest-tag';
import imageNotPinned from './image-not-pinned';
import imagePullPolicy from './image-pull-policy';
import ingressNginxSnippet from './ingress-nginx-snippet';
import ingressWithoutTls from './ingress-without-tls';
import literalSecretInEnv from './literal-secret-in-env';
import lowGid from './low-gid';
import lowUid from './low-uid';
import memoryLimit from './memory-limit';
import memoryRequest from './memory-request';
import missingSecurityContext from './missing-security-context';
import networkPolicyCoverage from './network-policy-coverage';
import noHostIpc from './no-host-ipc';
import noHostNetwork from './no-host-network';
import noHostPid from './no-host-pid';
import noPrivileged from './no-privileged';
import nonCoreVolume from './non-core-volume';
import probeHost from './probe-host';
import procMountUnmasked from './proc-mount-unmasked';
import rbacCreatePods from './rbac-create-pods';
import rbacEscalation from './rbac-escalation';
import rbacManageRbac from './rbac-manage-rbac';
import rbacNodesProxy from './rbac-nodes-proxy';
import rbacPodExec from './rbac-pod-exec';
import rbacReadSecrets from './rbac-read-secrets';
import rbacSecurityControls from './rbac-security-controls';
import rbacWildcard from './rbac-wildcard';
import rootGroup from './root-group';
import runAsRoot from './run-as-root';
import runAsUserZero from './run-as-user-zero';
import seccompUnconfined from './seccomp-unconfined';
import seccompUnset from './seccomp-unset';
import secretInConfigmap from './secret-in-configmap';
import secretInEnv from './secret-in-env';
import selinuxOverride from './selinux-override';
import sensitiveHostPath from './sensitive-host-path';
import serviceExposed from './service-exposed';
import serviceExternalIps from './service-external-ips';
import sshPort from './ssh-port';
import trustedRegistry from './trusted-registry';
import unsafeSysctls from './unsafe-sysctls';
import windowsHostProcess from './windows-host-process';
import writableHostMount from './writable-host-mount';
import writableRootFilesystem from './writable-root-filesystem';

export const K8S_RULES: readonly Rule[] = [
  addedCapabilities,
  allowPrivilegeEscalation,
  apparmorOverride,
  automountServiceAccountToken,
  bindingToSystemGroup,
  capabilitiesDropAll,
  clusterAdminBinding,
  containerRuntimeSocket,
  cpuLimit,
  cpuRequest,
  dangerousCapabilities,
  dangerousComponent,
  defaultNamespace,
  defaultServiceAccount,
  hostAliases,
  hostPathVolume,
  hostPort,
  hostUsers,
  imageLatestTag,
  imageNotPinned,
  imagePullPolicy,
  ingressNginxSnippet,
  ingressWithoutTls,
  literalSecretInEnv,
  lowGid,
  lowUid,
  memoryLimit,
  memoryRequest,
  missingSecurityContext,
  networkPolicyCoverage,
  noHostIpc,
  noHostNetwork,
  noHostPid,
  noPrivileged,
  nonCoreVolume,
  probeHost,
  procMountUnmasked,
  rbacCreatePods,
  rbacEscalation,
  rbacManageRbac,
  rbacNodesProxy,
  rbacPodExec,
  rbacReadSecrets,
  rbacSecurityControls,
  rbacWildcard,
  rootGroup,
  runAsRoot,
  runAsUserZero,
  seccompUnconfined,
  seccompUnset,
  secretInConfigmap,
  secretInEnv,
  selinuxOverride,
  sensitiveHostPath,
  serviceExposed,
  serviceExternalIps,
  sshPort,
  trustedRegistry,
  unsafeSysctls,
  windowsHostProcess,
  writableHostMount,
  writableRootFilesystem,
];
