// Pods that CRDs describe in their own shape: Tekton steps/sidecars and Argo Workflow templates (crosswalk X6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintConfig } from '../../server/src/api';

const config: LintConfig = { rules: { 'k8s/no-privileged': 'error', 'k8s/image-latest-tag': 'warning', 'k8s/run-as-root': 'warning', 'k8s/allow-privilege-escalation': 'warning', 'k8s/run-as-user-zero': 'warning' } };
const findings = (text: string) =>
  lint({ path: 'crd.yaml', text }, config)
    .findings.filter((f) => f.ruleId in (config.rules ?? {}))
    .map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}${f.object?.container ? ` ${f.object.container}` : ''}`);

const tektonTask = `apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: build
spec:
  stepTemplate:
    securityContext:
      runAsNonRoot: true
      allowPrivilegeEscalation: false
  steps:
    - name: compile
      image: golang:latest
      securityContext:
        privileged: true
    - name: test
      image: golang:1.23
  sidecars:
    - name: docker
      image: docker:27-dind
      securityContext:
        privileged: true
        runAsNonRoot: true
        allowPrivilegeEscalation: false
`;

test('Tekton Task: steps and sidecars are containers; stepTemplate gives the steps their defaults', () => {
  assert.deepEqual(findings(tektonTask), [
    'k8s/image-latest-tag 12:21 compile',
    'k8s/no-privileged 14:21 compile',
    'k8s/no-privileged 21:21 docker',
  ]);
});

test('Tekton Pipeline, PipelineRun and TaskRun: embedded task specs', () => {
  const steps = (indent: string) => `${indent}steps:\n${indent}  - name: s\n${indent}    image: alpine:latest\n`;
  const pipeline = `apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata:\n  name: p\nspec:\n  tasks:\n    - name: t\n      taskSpec:\n${steps('        ')}  finally:\n    - name: f\n      taskSpec:\n${steps('        ')}`;
  assert.deepEqual(findings(pipeline).filter((f) => f.startsWith('k8s/image-latest-tag')), ['k8s/image-latest-tag 11:27 s', 'k8s/image-latest-tag 17:27 s']);
  const run = `apiVersion: tekton.dev/v1\nkind: TaskRun\nmetadata:\n  name: r\nspec:\n  taskSpec:\n${steps('    ')}`;
  assert.deepEqual(findings(run).filter((f) => f.startsWith('k8s/image-latest-tag')), ['k8s/image-latest-tag 9:23 s']);
  const pipelineRun = `apiVersion: tekton.dev/v1\nkind: PipelineRun\nmetadata:\n  name: r\nspec:\n  pipelineSpec:\n    tasks:\n      - name: t\n        taskSpec:\n${steps('          ')}`;
  assert.deepEqual(findings(pipelineRun).filter((f) => f.startsWith('k8s/image-latest-tag')), ['k8s/image-latest-tag 12:29 s']);
});

const argo = (kind: string, specIndent = '') => {
  const i = specIndent;
  return `apiVersion: argoproj.io/v1alpha1
kind: ${kind}
metadata:
  name: wf
spec:
${i}  securityContext:
${i}    runAsNonRoot: true
${i}  templates:
${i}    - name: main
${i}      container:
${i}        image: alpine:latest
${i}        securityContext:
${i}          allowPrivilegeEscalation: false
${i}    - name: gen
${i}      securityContext:
${i}        runAsUser: 0
${i}      script:
${i}        image: python:3.12
${i}        source: print(1)
${i}        securityContext:
${i}          privileged: true
${i}          allowPrivilegeEscalation: false
${i}      sidecars:
${i}        - name: side
${i}          image: busybox:1.36
${i}          securityContext:
${i}            allowPrivilegeEscalation: false
`;
};

test('Argo Workflow kinds: templates[].container, script and sidecars; a template securityContext overrides the workflow one', () => {
  for (const kind of ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate']) {
    assert.deepEqual(findings(argo(kind)), [
      'k8s/image-latest-tag 11:23 main',
      'k8s/run-as-user-zero 16:20 gen',
      'k8s/no-privileged 21:23 gen',
      'k8s/run-as-user-zero 16:20 side',
    ].sort(byLine), kind);
  }
  const cron = argo('CronWorkflow', '  ').replace('spec:\n', 'spec:\n  schedule: "0 * * * *"\n  workflowSpec:\n');
  assert.equal(findings(cron).length, 4);
});

function byLine(a: string, b: string): number {
  const line = (s: string) => Number(s.split(' ')[1]!.split(':')[0]);
  return line(a) - line(b);
}

test('pod-level rules: silent on Tekton tasks (pod settings live in the run\'s podTemplate), active on Argo workflows for the fields they have', () => {
  const podLevel = (text: string) =>
    lint({ path: 'crd.yaml', text }, { rules: { 'k8s/automount-service-account-token': 'warning', 'k8s/default-service-account': 'warning', 'k8s/host-users': 'warning', 'k8s/missing-security-context': 'warning' } })
      .findings.filter((f) => ['k8s/automount-service-account-token', 'k8s/default-service-account', 'k8s/host-users', 'k8s/missing-security-context'].includes(f.ruleId))
      .map((f) => f.ruleId);
  assert.deepEqual(podLevel(tektonTask), []);
  const wf = `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: wf\nspec:\n  templates:\n    - name: main\n      container:\n        image: alpine:3.20\n`;
  assert.deepEqual(podLevel(wf).sort(), ['k8s/automount-service-account-token', 'k8s/default-service-account', 'k8s/missing-security-context']);
  const hardened = wf.replace('spec:\n', 'spec:\n  automountServiceAccountToken: false\n  serviceAccountName: runner\n  securityContext: {runAsNonRoot: true}\n');
  assert.deepEqual(podLevel(hardened), []);
});
