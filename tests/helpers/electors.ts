import { writeRegister } from '../../db/repositories/electors.ts';
import type { Store } from '../../db/store.ts';
import { type DataPlace, withStoreOf } from './db.ts';
import { formatElectorNumber, parseElectorNumber } from '../../shared/domain/elector-number.ts';
import { RegisterBuffer } from '../../shared/domain/register-buffer.ts';
import type { RegisterRow } from '../../shared/domain/register-rows.ts';

type Seed = readonly [areaId: number, electorNumber: string, fullName: string][];

/**
 * Loads electors through the register feature's own writer (one register per area), for tests of
 * features that read the register.
 */
export async function seedElectors(store: Store, rows: Seed): Promise<void> {
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
  await store.transaction(async (tx) => {
    for (const [areaId, list] of byArea) {
      const register = new RegisterBuffer();
      for (const row of list) register.add(row);
      await writeRegister(tx, { areaId, register, existingIds: list.map(() => null), leftIds: [] });
    }
  });
}

/** `seedElectors` into the database of a running server. */
export function seedElectorsBeside(place: DataPlace, rows: Seed): Promise<void> {
  return withStoreOf(place, (store) => seedElectors(store, rows));
}
