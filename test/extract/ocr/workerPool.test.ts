import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../../src/extract/ocr/fairQueue.js';
import { WorkerPool } from '../../../src/extract/ocr/workerPool.js';

/** A stand-in worker: records what it ran, can be told to hang. */
class FakeWorker {
  static started = 0;
  readonly id = ++FakeWorker.started;
  terminated = false;
  async terminate() {
    this.terminated = true;
  }
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('FairQueue', () => {
  it('serves documents in turn, each document in order', () => {
    const queue = new FairQueue<string>();
    for (const page of ['a1', 'a2', 'a3', 'a4']) queue.push('A', page);
    queue.push('B', 'b1');
    queue.push('C', 'c1');
    queue.push('B', 'b2');
    const order: string[] = [];
    for (let item = queue.shift(); item; item = queue.shift()) order.push(item);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
    expect(queue.size).toBe(0);
  });

  it('takes out an item whose request gave up', () => {
    const queue = new FairQueue<string>();
    queue.push('A', 'a1');
    queue.push('A', 'a2');
    expect(queue.remove('A', 'a1')).toBe(true);
    expect(queue.remove('A', 'a1')).toBe(false);
    expect(queue.shift()).toBe('a2');
  });
});

describe('WorkerPool', () => {
  it('measures what a page takes a worker (halves of one page side by side count double) and the task running longest', async () => {
    const pool = new WorkerPool({ size: 2, pageTimeoutMs: 1000, startWorker: async () => new FakeWorker() });
    await pool.ready();
    expect(pool.stats()).toMatchObject({ msPerTask: null, longestRunningMs: 0 });
    await pool.run(() => tick(40), { key: 'page A' });
    const whole = pool.stats().msPerTask!;
    expect(whole).toBeGreaterThanOrEqual(35);
    const fresh = new WorkerPool({ size: 2, pageTimeoutMs: 1000, startWorker: async () => new FakeWorker() });
    await fresh.ready();
    const document = {};
    const halves = [fresh.run(() => tick(40), { key: document }), fresh.run(() => tick(40), { key: document })];
    await tick(10);
    expect(fresh.stats().longestRunningMs).toBeGreaterThan(0);
    await Promise.all(halves);
    expect(fresh.stats().msPerTask!).toBeGreaterThanOrEqual(70);
    expect(fresh.stats().longestRunningMs).toBe(0);
    await Promise.all([pool.close(), fresh.close()]);
  });

  it('lets a one-page request in between the pages of a long one', async () => {
    const pool = new WorkerPool({ size: 1, pageTimeoutMs: 1000, startWorker: async () => new FakeWorker() });
    await pool.ready();
    const done: string[] = [];
    const page = (name: string) => async () => {
      await tick();
      done.push(name);
    };
    const long = {};
    const all = [1, 2, 3, 4].map((n) => pool.run(page(`long${n}`), { key: long }));
    await tick(1); // long1 is running, long2-4 wait
    all.push(pool.run(page('short'), { key: {} }));
    await Promise.all(all);
    expect(done).toEqual(['long1', 'long2', 'short', 'long3', 'long4']);
    await pool.close();
  });

  it('terminates and replaces a worker whose page overruns, and the next page runs on the new one', async () => {
    const workers: FakeWorker[] = [];
    const pool = new WorkerPool({
      size: 1,
      pageTimeoutMs: 30,
      startWorker: async () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    await pool.ready();
    await expect(pool.run(() => new Promise(() => undefined))).rejects.toMatchObject({ code: 'PROCESSING_TIMEOUT' });
    const ranOn = await pool.run(async (w) => w.id);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(ranOn).toBe(workers[1].id);
    expect(pool.stats()).toMatchObject({ workersStarted: 2, workersReplaced: 1 });
    await pool.close();
    expect(workers[1].terminated).toBe(true);
  });

  it('drops the waiting pages of a request that gave up', async () => {
    const pool = new WorkerPool({ size: 1, pageTimeoutMs: 1000, startWorker: async () => new FakeWorker() });
    await pool.ready();
    let ran = 0;
    const busy = pool.run(async () => {
      await tick(20);
      ran += 1;
    });
    const gaveUp = new AbortController();
    const waiting = pool.run(async () => {
      ran += 10;
    }, { signal: gaveUp.signal });
    gaveUp.abort(new Error('request timed out'));
    await expect(waiting).rejects.toThrow('request timed out');
    await busy;
    expect(ran).toBe(1);
    expect(pool.stats().queued).toBe(0);
    await pool.close();
  });

  it('reports a worker that cannot start through ready()', async () => {
    const pool = new WorkerPool({ size: 2, pageTimeoutMs: 1000, startWorker: async () => Promise.reject(new Error('no model')) });
    await expect(pool.ready()).rejects.toThrow('no model');
    await pool.close();
  });
});
