// Services that run as root: explicitly, through an image known to default to root, or through a Dockerfile in
// the workspace whose final (or target) stage never switches to another user.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { buildOf, builtUser, isRoot } from '../../compose/build';
import { defaultsToRoot, imageOf } from '../../compose/image';
import { rangeFor, scalarOf, setting, via } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/root-user',
    target: 'compose',
    title: 'Service runs as root',
    severity: 'warning',
    description:
      'Reports `user: root` (or `0`, `0:0`); a service without `user:` whose image is a Docker Official Image that runs as root (nginx, node, python, ubuntu, …); and a service without `user:` that builds from a Dockerfile in the workspace whose final stage (or `build.target`) sets no `USER` or a root one. Images whose entrypoint drops root itself (postgres, redis, mysql) and unknown images are not reported.',
    rationale: 'Root in the container is root on the host after a container escape, and owns every file the container can reach, including bind-mounted host directories.',
    remediation: 'Set `user: "10001:10001"` (a numeric, non-root UID) on the service, or add `USER 10001` to the final stage of the Dockerfile it builds, and give that user the files it writes.',
    references: [
      { title: 'Compose file reference: user', url: 'https://docs.docker.com/reference/compose-file/services/#user' },
      { title: 'Docker: USER best practices', url: 'https://docs.docker.com/build/building/best-practices/#user' },
    ],
    standards: { cis: ['CIS Docker 4.1'] },
    messages: {
      rootUser: 'Service `{{service}}` runs as root (`user: {{user}}`){{via}}.',
      imageRoot: 'Service `{{service}}` sets no `user:`, and `{{image}}` runs as root by default.',
      builtRoot: 'Service `{{service}}` sets no `user:`, and the image it builds from `{{dockerfile}}` runs as root ({{why}}).',
    },
    equivalents: [],
    examples: { bad: [exampleService('user: root\n'), exampleService('', 'node:22.11')], good: [exampleService('user: "10001:10001"\n', 'node:22.11'), exampleService('', 'postgres:17.2')] },
  },
  check({ compose, service, report }) {
    const user = setting(service, 'user');
    if (user) {
      const value = scalarOf(compose, user.value);
      if (value !== undefined && isRoot(value)) report({ messageId: 'rootUser', data: { service: service.name, user: value, via: via(user) }, range: rangeFor(compose, service, user) });
      return;
    }
    const build = buildOf(compose, service);
    if (build) {
      const built = builtUser(compose, build);
      if (built && isRoot(built.user)) {
        const stage = build.target !== undefined ? `stage \`${build.target}\`` : 'its final stage';
        report({ messageId: 'builtRoot', data: { service: service.name, dockerfile: build.display, why: built.explicit ? `${stage} sets \`USER ${built.user}\`` : `${stage} sets no \`USER\`` }, range: build.range });
      }
      return;
    }
    const image = imageOf(compose, service);
    if (image && defaultsToRoot(image)) report({ messageId: 'imageRoot', data: { service: service.name, image: image.text }, range: image.range });
  },
});
