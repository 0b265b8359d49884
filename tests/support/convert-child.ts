/**
 * A conversion in a process of its own, for tests that kill it: `node convert-child.ts DB [STEP]`
 * encrypts DB with HUSTINGS_PASSPHRASE, printing each step as it is reached; at STEP it stops
 * there (and waits to be killed).
 */
import { encryptWithPassphrase } from '../../db/sqlite/encryption/convert.ts';

const [dbPath, pauseAt] = process.argv.slice(2);
process.stdout.write('started\n');
await encryptWithPassphrase(dbPath, process.env.HUSTINGS_PASSPHRASE ?? '', {
  async onStep(step) {
    process.stdout.write(`step ${step}\n`);
    if (step === pauseAt) await new Promise(() => setInterval(() => {}, 1000));
  },
});
process.stdout.write('done\n');
