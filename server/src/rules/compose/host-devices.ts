// Host devices passed into a service.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { listItems } from '../../compose/syntax';
import { rangeFor, scalarOf, via } from '../../compose/service';
import { asMap } from '../../yaml/nodes';
import { fieldOf } from '../../compose/model';

export default composeRule({
  meta: {
    id: 'compose/host-devices',
    target: 'compose',
    title: 'Host device passed to the service',
    severity: 'warning',
    description: 'Reports each `devices:` entry (short `/dev/x:/dev/y:rwm` or long syntax). GPU reservations under `deploy.resources.reservations.devices` are not reported.',
    rationale: 'A device node gives the container direct access to host hardware: a disk (`/dev/sda`) can be mounted and rewritten, `/dev/mem` and `/dev/kmsg` reach kernel memory and logs, and cgroup device rules no longer keep the container away from it.',
    remediation: 'Remove the device if the service works without it; otherwise pass only that device, read-only where possible (`:r`), and write down why.',
    references: [{ title: 'Compose file reference: devices', url: 'https://docs.docker.com/reference/compose-file/services/#devices' }],
    standards: { cis: ['CIS Docker 5.17'] },
    messages: { device: 'Service `{{service}}` has access to the host device `{{device}}`{{via}}.' },
    equivalents: [],
    examples: { bad: [exampleService('devices:\n  - /dev/sda:/dev/xvdc:rwm\n')], good: [exampleService('deploy:\n  resources:\n    reservations:\n      devices:\n        - capabilities: [gpu]\n')] },
  },
  check({ compose, service, report }) {
    for (const { item, setting } of listItems(service, 'devices')) {
      const map = asMap(item, setting.source.doc);
      const text = map ? scalarOf(compose, fieldOf(map, 'source', setting.source.doc)?.value) : scalarOf(compose, item);
      const device = text?.split(':')[0]?.trim() || scalarOf(compose, item) || 'device';
      report({ messageId: 'device', data: { service: service.name, device, via: via(setting) }, range: rangeFor(compose, service, setting, item) });
    }
  },
});
