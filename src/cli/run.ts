import { main } from './main.js';

// Exit only after stdout is flushed: a piped `--json` must not be cut short.
const code = await main(process.argv.slice(2));
process.exitCode = code;
