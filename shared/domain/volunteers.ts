/**
 * What volunteers do. Roles are labels, not ranks: a volunteer can carry several, none outranks
 * another, and a campaign may add its own beyond the usual ones.
 */
export const VOLUNTEER_ROLES = ['deliver', 'canvass', 'tell', 'drive', 'treasurer', 'coordinator'] as const;

export const VOLUNTEER_ROLE_LABELS: Record<(typeof VOLUNTEER_ROLES)[number], string> = {
  deliver: 'Delivers leaflets',
  canvass: 'Canvasses',
  tell: 'Tells at polling stations',
  drive: 'Drives',
  treasurer: 'Treasurer',
  coordinator: 'Coordinator',
};

/** Trimmed, lower-case, without repeats or blanks, in the order first given. */
export function normaliseRoles(roles: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of roles) {
    const label = r.trim().toLowerCase().replace(/\s+/g, ' ');
    if (label !== '') seen.add(label);
  }
  return [...seen];
}

export function roleLabel(role: string): string {
  return (VOLUNTEER_ROLE_LABELS as Record<string, string>)[role] ?? role.charAt(0).toUpperCase() + role.slice(1);
}
