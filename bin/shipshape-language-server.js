#!/usr/bin/env node
// The Shipshape language server: `shipshape-language-server --stdio` (or `--node-ipc`).
'use strict';
require('../dist/server.js');
