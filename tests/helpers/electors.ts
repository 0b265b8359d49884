import { SqliteStore } from '../../db/sqlite/store.ts';
import type { Store } from '../../db/store.ts';
import { writeRegister } from '../../db/repositories/electors.ts';
import { rawDatabase } from './db.ts';
import { formatElectorNumber, parseElectorNumber } from '../../shared/domain/elector-number.ts';
import { RegisterBuffer } from '../../shared/domain/register-buffer.ts';
import type { RegisterRow } from '../../shared/domain/register-rows.ts';

/**
 * Loads electors through the register feature's own writer (one register per area), for tests of
 * features that read the register: into an app's store, or into a database file beside a running
 * server (it opens its own connection).
 */
export async function seedElectors(into: string | Store, rows: readonly [areaId: number, electorNumber: string, fullName: string][]): Promise<void> {
  const byArea = new Map<number, RegisterRow[]>();
  rows.forEach(([areaId, number, name], i) => {
    const parsed = parseElectorNumber(number);
    if (!parsed.ok) throw new Error(parsed.message);
    const { district, number: n, suffix } = parsed.value;
    const [forenames, ...rest] = name.split(' ');
    const row: RegisterRow = {
      line: i + 2,
      pollingDistrict: district,
      number: n,
      suffix,
      electorNumber: formatElectorNumber(parsed.value),
      markers: '',
      dateOfAttainment: null,
      title: '',
      fullName: name,
      surname: rest.join(' '),
      forenames,
      addressLines: [`${i + 1} High Street`],
      postcode: '',
      alteration: null,
    };
    byArea.set(areaId, [...(byArea.get(areaId) ?? []), row]);
  });
  const write = (store: Store) =>
    store.transaction(async (tx) => {
      for (const [areaId, list] of byArea) {
        const register = new RegisterBuffer();
        for (const row of list) register.add(row);
        await writeRegister(tx, { areaId, register, existingIds: list.map(() => null), leftIds: [] });
      }
    });
  if (typeof into !== 'string') return write(into);
  const db = rawDatabase(into); // keyed as the app that made it keyed it
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    await write(new SqliteStore(db));
  } finally {
    db.close();
  }
}
