// Host directories outside the project mounted writable.
import { isScalar } from 'yaml';
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { absoluteBinds } from '../../compose/mounts';
import { canEdit, rangeFor, via } from '../../compose/service';
import { valueSpan } from '../../compose/syntax';
import { insertPair } from '../../k8s/edit';
import { isRuntimeSocketPath } from '../k8s/container-runtime-socket';
import { isSensitiveHostPath } from './sensitive-host-path';

export default composeRule({
  meta: {
    id: 'compose/writable-host-mount',
    target: 'compose',
    title: 'Host directory mounted writable',
    severity: 'warning',
    description:
      'Reports a bind mount of an absolute host path without `:ro` (short syntax) or `read_only: true` (long syntax). Relative paths (`./data`) are project files and are not reported; sensitive directories and runtime sockets have their own rules.',
    rationale: 'A writable host mount lets a compromised container plant files the host or other services later trust: cron jobs, scripts, configuration, binaries.',
    remediation: 'Append `:ro` (or set `read_only: true`) when the service only reads the directory; keep data the service writes in a named volume.',
    references: [{ title: 'Compose file reference: volumes', url: 'https://docs.docker.com/reference/compose-file/services/#volumes' }],
    standards: { cis: ['CIS Docker 5.5'] },
    fix: 'suggestion',
    messages: {
      writable: 'Service `{{service}}` mounts the host path `{{path}}` writable{{via}}.',
      readOnly: 'Mount `{{path}}` read-only',
    },
    equivalents: [],
    examples: { bad: [exampleService('volumes:\n  - /srv/site:/usr/share/nginx/html\n')], good: [exampleService('volumes:\n  - /srv/site:/usr/share/nginx/html:ro\n  - ./data:/data\n')] },
  },
  check({ compose, service, report }) {
    const { file } = compose;
    for (const mount of absoluteBinds(compose, service)) {
      if (mount.readOnly || isRuntimeSocketPath(mount.path) || isSensitiveHostPath(mount.path)) continue;
      let edits: { range: ReturnType<typeof file.rangeOf>; newText: string }[] = [];
      if (canEdit(compose, mount.setting)) {
        if (mount.map) edits = insertPair(file, mount.map, ['read_only'], 'true');
        else if (isScalar(mount.node)) {
          const span = valueSpan(file, mount.node);
          // Only when the text is literal (no interpolation): append to the mode or add one.
          if (span && file.text.slice(span.start, span.end) === String(mount.node.value) && !String(mount.node.value).includes('$')) {
            edits = [{ range: file.rangeOf(span.end, span.end), newText: mount.mode !== undefined ? ',ro' : ':ro' }];
          }
        }
      }
      report({
        messageId: 'writable',
        data: { service: service.name, path: mount.path, via: via(mount.setting) },
        range: rangeFor(compose, service, mount.setting, mount.node),
        ...(edits.length ? { suggestions: [{ messageId: 'readOnly', data: { path: mount.path }, edits }] } : {}),
      });
    }
  },
});
