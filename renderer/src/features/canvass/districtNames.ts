import type { ElectorSummaryOut } from '../../../../shared/contract/register.ts';

/** An elector on the entry screen; `offline` when only the number and name are known (from `DistrictNames`). */
export type Chosen = ElectorSummaryOut & { offline?: true };

/**
 * A polling district's electors in walk order, as `register.listNames` gives them ([number, id,
 * name]): enough to go on entering returns while the server does not answer — a typed number is
 * found here and the next paper is the walk's next. The rest of an elector comes when it answers.
 */
export class DistrictNames {
  readonly #names: readonly [string, number, string][];
  readonly #at: Map<string, number>;
  readonly #atId: Map<number, number>;
  readonly #areaId: number;
  readonly #district: string;

  constructor(names: readonly [string, number, string][], areaId: number, district: string) {
    this.#names = names;
    this.#at = new Map(names.map(([number], i) => [number, i]));
    this.#atId = new Map(names.map(([, id], i) => [id, i]));
    this.#areaId = areaId;
    this.#district = district;
  }

  nameOf(electorNumber: string): string | undefined {
    const i = this.#at.get(electorNumber);
    return i === undefined ? undefined : this.#names[i][2];
  }

  /** The elector with this (canonical) number, or null when the district has none. */
  find(electorNumber: string): Chosen | null {
    const i = this.#at.get(electorNumber);
    return i === undefined ? null : this.#elector(i);
  }

  /** The elector with this id, or null when the district has none. */
  withId(id: number): Chosen | null {
    const i = this.#atId.get(id);
    return i === undefined ? null : this.#elector(i);
  }

  /** The elector after (or before) this one in walk order, or null at the end. */
  beside(electorNumber: string, direction: 1 | -1): Chosen | null {
    const i = this.#at.get(electorNumber);
    return i === undefined || !this.#names[i + direction] ? null : this.#elector(i + direction);
  }

  #elector(i: number): Chosen {
    const [electorNumber, id, fullName] = this.#names[i];
    return {
      id,
      areaId: this.#areaId,
      pollingDistrict: this.#district,
      electorNumber,
      fullName,
      surname: '',
      forenames: '',
      markers: '',
      householdId: null,
      address: '',
      postcode: '',
      street: '',
      latestOutcome: null,
      latestSupport: null,
      offline: true,
    };
  }
}
