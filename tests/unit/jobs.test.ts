import { describe, expect, it } from 'vitest';
import { createJobs, JobFailure, type JobEvent } from '../../main/jobs.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('long jobs', () => {
  it('gives an id at once, then progress, then done with the result', async () => {
    const jobs = createJobs({ throttleMs: 0 });
    const events: JobEvent[] = [];
    jobs.subscribe((e) => events.push(e));
    const started = jobs.start('count', async (job) => {
      for (let i = 1; i <= 3; i++) {
        await tick();
        job.progress(i, 3, `Step ${i}`);
      }
      return { counted: 3 };
    });
    expect(started.state).toBe('running');
    const final = await jobs.wait(started.jobId);
    expect(final).toMatchObject({ state: 'done', result: { counted: 3 }, done: 3, total: 3 });
    expect(events.map((e) => [e.state, e.done])).toEqual([
      ['running', 0],
      ['running', 1],
      ['running', 2],
      ['running', 3],
      ['done', 3],
    ]);
    expect(events.every((e) => e.jobId === started.jobId && e.kind === 'count')).toBe(true);
    expect(jobs.get(started.jobId)?.state).toBe('done');
    expect(jobs.running()).toEqual([]);
  });

  it('throttles progress events', async () => {
    const jobs = createJobs({ throttleMs: 60_000 });
    const events: JobEvent[] = [];
    jobs.subscribe((e) => events.push(e));
    const { jobId } = jobs.start('busy', async (job) => {
      for (let i = 0; i < 1000; i++) job.progress(i, 1000);
      return null;
    });
    await jobs.wait(jobId);
    expect(events.filter((e) => e.state === 'running').length).toBeLessThanOrEqual(2);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 999 });
  });

  it('sends a new stage at once, however recent the last event, shown as busy', async () => {
    const jobs = createJobs({ throttleMs: 60_000 });
    const events: JobEvent[] = [];
    jobs.subscribe((e) => events.push(e));
    const { jobId } = jobs.start('import', async (job) => {
      job.progress(940, 1000, 'Read 94,000 electors');
      job.stage('Saving 100,000 electors');
      return null;
    });
    await jobs.wait(jobId);
    expect(events.filter((e) => e.state === 'running').at(-1)).toMatchObject({ message: 'Saving 100,000 electors', done: 0, total: null });
  });

  it('cancels: the work sees the signal and the job ends cancelled', async () => {
    const jobs = createJobs({ throttleMs: 0 });
    let steps = 0;
    const { jobId } = jobs.start('slow', async (job) => {
      for (;;) {
        job.throwIfCancelled();
        steps++;
        await tick();
      }
    });
    await tick();
    await tick();
    expect(jobs.cancel(jobId)?.message).toBe('Cancelling…');
    const final = await jobs.wait(jobId);
    expect(final.state).toBe('cancelled');
    expect(final.message).toMatch(/nothing was changed/);
    expect(steps).toBeGreaterThan(0);
    expect(jobs.cancel('no-such-job')).toBeUndefined();
  });

  it('reports a failure meant for the user with its details, and an unexpected one without crashing', async () => {
    const jobs = createJobs();
    const a = jobs.start('import', async () => {
      throw new JobFailure('invalid_input', '2 rows cannot be imported', [{ line: 3, reason: 'no name' }]);
    });
    expect(await jobs.wait(a.jobId)).toMatchObject({
      state: 'error',
      error: { code: 'invalid_input', message: '2 rows cannot be imported', details: [{ line: 3, reason: 'no name' }] },
    });
    const original = console.error;
    console.error = () => {};
    try {
      const b = jobs.start('oops', async () => {
        throw new TypeError('boom');
      });
      expect(await jobs.wait(b.jobId)).toMatchObject({ state: 'error', error: { code: 'internal' } });
    } finally {
      console.error = original;
    }
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const jobs = createJobs();
    const seen: string[] = [];
    const off = jobs.subscribe((e) => seen.push(e.state));
    off();
    const { jobId } = jobs.start('quiet', async () => 1);
    await jobs.wait(jobId);
    expect(seen).toEqual([]);
  });
});
