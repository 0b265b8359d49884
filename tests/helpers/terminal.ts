import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** util-linux's `script`: gives a command a terminal, as a person at a keyboard has. */
export const SCRIPT = ['/usr/bin/script', '/bin/script'].find((f) => existsSync(f));

/**
 * Runs `hustings ARGS` on a terminal without HUSTINGS_PASSPHRASE, answering each prompt as it
 * appears; resolves to the exit code and everything the terminal showed.
 */
export function hustingsOnTerminal(args: string[], answers: [prompt: string, answer: string][]): Promise<{ code: number | null; screen: string }> {
  const { HUSTINGS_PASSPHRASE: _unset, ...env } = process.env;
  const command = ['node', 'bin/hustings.js', ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn(SCRIPT as string, ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let answered = 0; // the screen up to here has had its prompt answered
  const pending = [...answers];
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    let at: number;
    while (pending.length > 0 && (at = screen.indexOf(pending[0][0], answered)) >= 0) {
      const [prompt, answer] = pending.shift() as [string, string];
      answered = at + prompt.length;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, screen })));
}
