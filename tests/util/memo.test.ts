import { describe, expect, it } from 'vitest';
import { rememberedTable } from '../../src/util/memo.js';

describe('rememberedTable', () => {
  it('keeps as many results as fit in its characters, the least recently used dropped first', () => {
    // 100 characters of keys and results: each key is one character, each result's size its text's length.
    const table = rememberedTable<{ text: string }>({ chars: 100, sizeOf: (v) => v.text.length });
    table.set('a', { text: 'x'.repeat(39) });
    table.set('b', { text: 'y'.repeat(39) });
    expect(table.get('a')?.text).toHaveLength(39);
    // A third result of 40 does not fit beside both: the least recently used ("b") goes.
    table.set('c', { text: 'z'.repeat(39) });
    expect([table.get('a') !== undefined, table.get('b') !== undefined, table.get('c') !== undefined]).toEqual([
      true,
      false,
      true,
    ]);
    // Many small results fit where one large one stood.
    for (let i = 0; i < 9; i++) table.set(String(i), { text: 'w' });
    expect(table.get('8')?.text).toBe('w');
    expect(table.get('c')?.text).toHaveLength(39);
  });

  it('counts results by number when given a number', () => {
    const table = rememberedTable<{ text: string }>(2);
    table.set('a', { text: 'x'.repeat(10_000) });
    table.set('b', { text: 'y' });
    table.set('c', { text: 'z' });
    expect([table.get('a'), table.get('b')?.text, table.get('c')?.text]).toEqual([undefined, 'y', 'z']);
  });
});
