import rule from '../../../server/src/rules/dockerfile/pin-language-packages';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt flask==3.0.3 .\n',
    { name: 'npm ci and install without packages', code: 'FROM node:22\nRUN npm ci && npm install && npm install -g typescript@5.6.3\n' },
    { name: 'version specifiers, variables, quoted pins (hadolint#915, godolint#40)', code: 'FROM python:3.13\nRUN pip install "pip==$PIP_VERSION" \'setuptools>=70\' $EXTRA ./pkg\n' },
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
    { name: 'heredoc', code: 'FROM python:3.13\nRUN <<EOF bash\npip3 install uvicorn\nEOF\n', errors: [{ messageId: 'pip', range: '3:14-3:21' }] },
  ],
});
