/** Reading several files at once: in order, a bounded number at a time, the first failure in order named. */
import { describe, expect, it } from 'vitest';
import { allInOrder } from '../../src/util/confined.js';

describe('allInOrder', () => {
  /** Tasks that finish in reverse order of start (a later file answers first), counting how many run at once. */
  function tasks(count: number, failing: number[] = []) {
    let running = 0;
    const seen = { most: 0, started: [] as number[] };
    const list = Array.from({ length: count }, (_, i) => async () => {
      seen.started.push(i);
      seen.most = Math.max(seen.most, ++running);
      await new Promise((resolve) => setTimeout(resolve, (count - i) % 5));
      running--;
      if (failing.includes(i)) throw new Error(`task ${i}`);
      return i * 10;
    });
    return { list, seen };
  }

  it('gives every value in the given order, never more than 16 tasks at once', async () => {
    const { list, seen } = tasks(50);
    expect(await allInOrder(list)).toEqual(Array.from({ length: 50 }, (_, i) => i * 10));
    expect(seen.most).toBeGreaterThan(1);
    expect(seen.most).toBeLessThanOrEqual(16);
  });

  it('names the first failure in order, not the first in time, and starts nothing after its group', async () => {
    // Task 9 fails after task 10 does (its timer is the longer one).
    const { list, seen } = tasks(50, [9, 10, 40]);
    await expect(allInOrder(list)).rejects.toThrow('task 9');
    expect(Math.max(...seen.started)).toBeLessThan(16);
  });
});
