#!/usr/bin/env node
// The `shipshape` CLI; the bundle is built by `npm run build` (scripts/build.mjs).
'use strict';
require('../dist/cli.js');
