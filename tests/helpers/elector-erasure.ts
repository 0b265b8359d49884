/**
 * The erasure tests' register, shared by elector-erasure-stays.test.ts (in process) and
 * elector-erasure-stays-cli.test.ts (the CLI), and the scans that look for a person's strings.
 */
import { join } from 'node:path';
import type { KeySource } from '../../db/sqlite/encryption/unlock.ts';
import type { Hustings } from '../../main/app.ts';
import { ok, PLAIN, rawDatabase, tempHustings } from './db.ts';
import { HEADINGS, importCsv } from './register.ts';

/** Marguerite lives alone at 17; Oswald and Iris share 21; Harold is their neighbour at 19. */
const REGISTER = [
  HEADINGS,
  'ZC,17,,,Quillon,Marguerite,17 Zanzibar Crescent,Newtown,NT4 9QQ',
  'ZC,18,,,Keeper,Harold,19 Zanzibar Crescent,Newtown,NT4 9QQ',
  'ZC,19,,,Pemberton,Oswald,21 Zanzibar Crescent,Newtown,NT4 9QQ',
  'ZC,20,,,Pemberton,Iris,21 Zanzibar Crescent,Newtown,NT4 9QQ',
].join('\r\n');

/** A ward of Zanzibar Crescent with the four of them on its register. */
export async function zanzibar(keys: KeySource = PLAIN) {
  const app = await tempHustings(keys);
  const dbPath = join(app.dir, 'hustings.sqlite');
  const areaId: number = (await ok(app, 'areas.create', { name: 'Zanzibar', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  const imported = await importCsv(app, areaId, REGISTER);
  if (imported.state !== 'done') throw new Error(`The register import ended ${imported.state}`);
  return { app, dbPath, areaId };
}

export async function findElector(app: Hustings, areaId: number, search: string) {
  const found = (await ok(app, 'register.listElectors', { areaId, search })).items;
  return found[0] as { id: number; fullName: string; electorNumber: string } | undefined;
}

export async function eraseElector(app: Hustings, areaId: number, search: string) {
  const e = await findElector(app, areaId, search);
  if (!e) throw new Error(`no elector ${search}`);
  return ok(app, 'register.erasePerson', { id: e.id, confirm: true });
}

/** Case-insensitive, as a person reading the file would look for a name. */
export function textMentions(text: string, needle: string): boolean {
  return text.toLowerCase().includes(needle.toLowerCase());
}

/** Every row of every table of a database file, as text: what a person opening it would see. */
export function contentOf(path: string): string {
  const db = rawDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()));
  } finally {
    db.close();
  }
}
