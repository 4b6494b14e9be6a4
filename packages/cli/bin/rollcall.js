#!/usr/bin/env node
'use strict';
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports */
// The package has no build step: register tsx and run the TypeScript entry as it is.
require('tsx/cjs');
require(require('node:path').join(__dirname, '..', 'src', 'main.ts'));
