import rule from '../../../server/src/rules/dockerfile/pin-language-packages';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt flask==3.0.3 .\n',
    { name: 'npm ci and install without packages', code: 'FROM node:22\nRUN npm ci && npm install && npm install -g typescript@5.6.3\n' },
    { name: 'version specifiers, variables, quoted pins (hadolint#915, godolint#40)', code: 'FROM python:3.13\nRUN pip install "pip==$PIP_VERSION" \'setuptools>=70\' $EXTRA ./pkg\n' },
    { name: 'gem name:version (hadolint DL3028)', code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.22 && gem i rake:13.2.1 --no-document\n' },
    { name: 'pip options with values are not packages', code: 'FROM python:3.13\nRUN pip install --root-user-action ignore --index-url https://pypi.example/simple -i https://x/simple --progress-bar off flask==3.0.3\n' },
    { name: 'pip constraints file pins (hadolint DL3013)', code: 'FROM python:3.13\nRUN pip install -c constraints.txt flask requests && pip install --constraint=/c.txt django\n' },
    { name: 'VCS installs with a ref', code: 'FROM node:22\nRUN pip install git+https://github.com/o/r.git@v1.2.0#egg=r "pkg @ git+ssh://git@github.com/o/p.git@3f1c2a9" && npm install git+https://github.com/o/r.git#v1.2.0 github:o/x#semver:^1 o/y#abc123\n' },
    { name: 'local tarballs and paths', code: 'FROM node:22\nRUN pip install ./dist/app-1.0.tar.gz /wheels/x.whl .[dev] && npm install ./pkg.tgz file:../lib ../x && gem install ./vendor/x.gem && pipx install ./tool\n' },
    { name: 'pipx and go with versions; go run of the module', code: 'FROM golang:1.23\nRUN pipx install black==24.10.0 && pipx install --spec ruff==0.7.0 ruff && go install golang.org/x/tools/gopls@v0.16.2 && go get github.com/o/r@v1.2.3 && go run ./cmd/gen && go run github.com/o/gen -out x\n' },
    { name: 'xx-go with a version', code: 'FROM golang:1.23\nRUN xx-go --wrap && xx-go install github.com/o/tool@v1.4.0\n' },
    { name: 'version through ARG/ENV', code: 'FROM python:3.13\nARG FLASK_VERSION=3.0.3\nENV TS=5.6.3\nRUN pip install flask==${FLASK_VERSION} && npm install -g "typescript@$TS"\n' },
    { name: 'go flags with values', code: 'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo github.com/o/r@v1.0.0\n' },
    { name: 'incomplete shell is not judged', code: 'FROM python:3.13\nRUN pip install flask |\n' },
    { name: 'gem -v and go @version', code: 'FROM golang:1.23\nRUN gem install rails -v 7.2.1 && go install golang.org/x/tools/gopls@v0.16.2\n' },
  ],
  invalid: [
    { code: 'FROM python:3.13\nRUN pip install --no-cache-dir flask\n', errors: [{ messageId: 'pip', range: '2:32-2:37' }] },
    { code: 'FROM node:22\nRUN npm install -g typescript@latest\n', errors: [{ messageId: 'npm', range: '2:20-2:37' }] },
    {
      name: 'python -m pip, gem and go in a continuation',
      code: 'FROM golang:1.23\nRUN python3 -m pip install requests \\\n && gem install bundler \\\n && go install github.com/x/y@latest\n',
      errors: [
        { messageId: 'pip', range: '2:28-2:36' },
        { messageId: 'gem', range: '3:17-3:24' },
        { messageId: 'go', range: '4:16-4:37' },
      ],
    },
    { name: 'pip: VCS URL without a ref', code: 'FROM python:3.13\nRUN pip install git+ssh://git@github.com/o/r.git\n', errors: [{ messageId: 'pip', range: '2:17-2:49' }] },
    { name: 'npm: git URL and shorthand without a ref', code: 'FROM node:22\nRUN npm install git://github.com/o/r.git o/y\n', errors: [{ messageId: 'npm', range: '2:17-2:41' }] },
    { name: 'pipx without a version', code: 'FROM python:3.13\nRUN pipx install poetry\n', errors: [{ messageId: 'pipx', range: '2:18-2:24' }] },
    { name: 'go get and go run @latest', code: 'FROM golang:1.23\nRUN go get github.com/o/r && go run github.com/o/gen@latest\n', errors: [{ messageId: 'go', range: '2:12-2:26' }, { messageId: 'go', range: '2:37-2:60' }] },
    { name: 'xx-go wraps go', code: 'FROM golang:1.23\nRUN xx-go install github.com/o/tool@latest\n', errors: [{ messageId: 'go', range: '2:19-2:43' }] },
    { name: 'pip option values are skipped, the package is not', code: 'FROM python:3.13\nRUN pip install --root-user-action ignore -i https://x/simple flask\n', errors: [{ messageId: 'pip', range: '2:63-2:68' }] },
    { name: 'a file without FROM is checked', code: 'RUN gem install rails\n', errors: [{ messageId: 'gem', range: '1:17-1:22' }] },
    { name: 'heredoc', code: 'FROM python:3.13\nRUN <<EOF bash\npip3 install uvicorn\nEOF\n', errors: [{ messageId: 'pip', range: '3:14-3:21' }] },
  ],
});
