#!/usr/bin/env node
// The local identity provider as a process (main.ts), loaded through tsx from this
// package's own dependency, as the Stripe emulator is: `node bin.mjs` is enough.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
