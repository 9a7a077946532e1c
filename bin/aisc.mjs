#!/usr/bin/env node
// The `aisc` command. The sources are TypeScript run through tsx's loader, so a fresh
// `npm install` is all it needs (no build step for the server or the CLI).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
