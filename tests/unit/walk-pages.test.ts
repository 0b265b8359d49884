import { describe, expect, it } from 'vitest';
import { pageRoute } from '../../shared/domain/walk-pages.ts';
import { walkRoute } from '../../shared/domain/walk-route.ts';

/** Households of a street, numbers 1..n, each with `size` electors. */
function street(name: string, n: number, size: number, from = 0) {
  return Array.from({ length: n }, (_, i) => ({
    street: name,
    houseNumber: i + 1,
    electorNumbers: Array.from({ length: size }, (_, j) => `AA-${from + i * size + j + 1}`),
    electors: Array.from({ length: size }, (_, j) => ({ id: from + i * size + j + 1 })),
  }));
}

describe('the walk sheet on screen, a page at a time', () => {
  it('never splits a household, repeats a carried-over heading marked continued, and covers every elector once', () => {
    // One side only (odd numbers) so the street is one section: 25 households of 3 electors.
    const houses = street('Long Street', 50, 3).filter((h) => h.houseNumber % 2 === 1);
    const pages = pageRoute(walkRoute(houses), 10);
    // 10 rows a page, households of 3: three households (9 rows) a page.
    expect(pages.map((p) => p.reduce((n, part) => n + part.households.length, 0))).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 1]);
    expect(pages[0][0]).toMatchObject({ heading: 'Long Street — 1 to 49', continued: false });
    for (const p of pages.slice(1)) expect(p[0]).toMatchObject({ heading: 'Long Street — 1 to 49', continued: true });
    const ids = pages.flatMap((p) => p.flatMap((part) => part.households.flatMap((h) => h.electors.map((e) => e.id))));
    expect(ids).toEqual(houses.flatMap((h) => h.electors.map((e) => e.id)));
  });

  it('starts a new section on the same page when there is room, not continued', () => {
    const route = walkRoute([
      ...street('Acre Road', 2, 1).map((h) => ({ ...h, houseNumber: h.houseNumber * 2 })),
      ...street('Mill Lane', 2, 1, 10).map((h) => ({ ...h, houseNumber: h.houseNumber * 2 })),
    ]);
    const pages = pageRoute(route, 10);
    expect(pages).toHaveLength(1);
    expect(pages[0].map((p) => [p.heading.split(' — ')[0], p.continued])).toEqual([
      ['Acre Road', false],
      ['Mill Lane', false],
    ]);
  });
});
