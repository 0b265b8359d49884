/**
 * Browser mode's token across restarts: the case starts `hustings serve` five times, so it sits
 * outside the fast loop (vitest.config.ts SLOW). The rest of browser mode's guard is tested in
 * browser-mode-security.test.ts against one server.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenFile } from '../../main/browser-token.ts';
import { startBrowserMode } from '../helpers/server.ts';

describe('browser mode: one token per database, kept across restarts', () => {
  it('keeps the token in an owner-only file beside the database until --new-token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hustings-token-'));
    const dbPath = join(dir, 'campaign.sqlite');
    const tokenOf = async (args: string[] = []) => {
      const server = await startBrowserMode({ dbPath, args });
      await server.stop();
      return server.token;
    };
    try {
      const first = await tokenOf();
      expect(first).toMatch(/^[\w-]{32}$/);
      expect(readFileSync(tokenFile(dbPath), 'utf8').trim()).toBe(first);
      if (process.platform !== 'win32') expect(statSync(tokenFile(dbPath)).mode & 0o777).toBe(0o600);
      expect(await tokenOf()).toBe(first);
      const renewed = await tokenOf(['--new-token']);
      expect(renewed).not.toBe(first);
      expect(await tokenOf()).toBe(renewed);
      if (process.platform !== 'win32') {
        chmodSync(tokenFile(dbPath), 0o644); // others could have read it: not trusted
        const replaced = await tokenOf();
        expect(replaced).not.toBe(renewed);
        expect(statSync(tokenFile(dbPath)).mode & 0o777).toBe(0o600);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
