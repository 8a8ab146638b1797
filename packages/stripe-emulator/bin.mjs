#!/usr/bin/env node
// The emulator as a process (main.ts). It is TypeScript: tsx's loader is registered
// here, from this package's own dependency, so whoever starts it (server.mjs,
// `npm run billing:sync`, `npm run stripe:emulator`) runs `node bin.mjs` and needs
// neither an --import flag nor tsx of its own.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
