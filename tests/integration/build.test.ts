/**
 * The interface is built for production wherever it is built — also by the tests' global set-up,
 * which runs under NODE_ENV=test and leaves dist/renderer for `npm start` to serve.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = new URL('../../dist/renderer/assets/', import.meta.url).pathname;

describe('the built interface', () => {
  it('is React’s production build, even when built under the tests', () => {
    expect(process.env.NODE_ENV).toBe('test'); // the set-up's build ran in this environment
    const scripts = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(readFileSync(join(ASSETS, file), 'utf8'), file).not.toContain('Download the React DevTools');
  });
});
