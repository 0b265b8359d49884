import { useApi } from '../../app/api.ts';
import { canUse } from '../../app/nav.ts';
import { EmptyState } from '../../ui/Page.tsx';

/**
 * Whether the caller may import a register. One who may not sees only the registers of what is
 * assigned to them (a canvasser on a team server): no register means nothing assigned yet, not
 * one to import. True while the caller is not known yet.
 */
export function useMayImportRegister(): boolean {
  const me = useApi('access.me', {});
  return me.data === undefined || canUse('/register/import', me.data);
}

/** What a canvasser with no district sees instead of a register or a session form. */
export function NothingAssigned() {
  return (
    <EmptyState title="Nothing is assigned to you yet">
      <p>You see the register and canvass of the areas or polling districts a coordinator assigns to you. Ask a coordinator to assign you one.</p>
    </EmptyState>
  );
}
