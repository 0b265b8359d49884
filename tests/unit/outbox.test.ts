/**
 * The outbox on a shared device (renderer/src/app/outbox.ts): what one person typed while the
 * server did not answer is sent only while they are signed in, never as the next person's work.
 * Browser storage (per origin, so per team server) is an in-memory stand-in here, and the door
 * is the desktop bridge's shape, recording what reaches it.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/contract/result.ts';

const kept = new Map<string, string>();
let serverAnswers = false;
const sent: { method: string; clientId: string }[] = [];

beforeAll(() => {
  vi.stubGlobal('localStorage', { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) });
  vi.stubGlobal('window', {
    addEventListener() {},
    hustings: {
      async invoke(method: string, input: { clientId: string }): Promise<ApiResult> {
        if (!serverAnswers) throw new Error('no answer');
        sent.push({ method, clientId: input.clientId });
        return { ok: true, value: {} };
      },
    },
  });
});

const item = (clientId: string) =>
  ({ clientId, scope: 'canvass:1', method: 'canvass.recordReturn', input: { clientId, sessionId: 1, electorId: 1, code: 'F' } }) as never;

describe('the outbox of a shared device', () => {
  it('sends each person’s waiting work as them, and keeps the rest for its owner', async () => {
    const { enqueue, setOutboxOwner, waitingIn } = await import('../../renderer/src/app/outbox.ts');
    setOutboxOwner('Ann Canvasser');
    // The server does not answer: it waits on the device.
    expect(await enqueue(item('ann-1'))).toBeNull();
    expect(waitingIn('canvass:1').map((i) => i.clientId)).toEqual(['ann-1']);
    expect(JSON.parse(kept.get('hustings.outbox.v1')!)).toMatchObject([{ clientId: 'ann-1', by: 'Ann Canvasser' }]);

    // Ann signs out; Bob signs in on the same device, and the server answers again.
    serverAnswers = true;
    setOutboxOwner('Bob Canvasser');
    expect(waitingIn('canvass:1')).toEqual([]);
    expect(await enqueue(item('bob-1'))).toMatchObject({ clientId: 'bob-1', ok: true });
    expect(sent).toEqual([{ method: 'canvass.recordReturn', clientId: 'bob-1' }]);
    expect(JSON.parse(kept.get('hustings.outbox.v1')!).map((i: { clientId: string }) => i.clientId)).toEqual(['ann-1']);

    // Ann again: hers goes, as her.
    setOutboxOwner('Ann Canvasser');
    await vi.waitFor(() => expect(sent.map((s) => s.clientId)).toEqual(['bob-1', 'ann-1']));
    await vi.waitFor(() => expect(JSON.parse(kept.get('hustings.outbox.v1')!)).toEqual([]));
  });
});
