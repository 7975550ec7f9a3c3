import { isEmailAddress } from '../../../../schemas/src/ajv-options.js';
import { hasUnsafeCharacters } from '../../../../schemas/src/text-hygiene.js';

export type Role = 'staff' | 'admin';

/** A person who may sign in: staff triage their municipalities' submissions; admins also manage forms and staff. */
export interface StaffMember {
  email: string;
  name: string;
  role: Role;
  municipalities: string[];
}

/**
 * A member as the directory keeps them: `since` is when they were added (absent for members put before it was
 * kept). A session started before it belongs to an earlier membership, ended by a removal, and does not count.
 */
export interface StaffRecord extends StaffMember {
  since?: string;
}

/** Whether a member may see a municipality's submissions. */
export function canAccess(member: StaffMember, municipality: string): boolean {
  return member.municipalities.includes(municipality);
}

/** Emails are compared case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Problems in a staff directory file as read from JSON (a list of members); empty when every entry can be used as
 * a `StaffMember`: an email address used once, a name, role `staff` or `admin`, and known municipalities.
 */
export function staffListProblems(data: unknown, municipalityIds: readonly string[]): string[] {
  if (!Array.isArray(data)) return ['must be a JSON list of staff members'];
  const seen = new Set<string>();
  return data.flatMap((entry, i): string[] => {
    if (!isRecord(entry)) return [`[${i}]: not an object`];
    const at = `[${i}] ${typeof entry['email'] === 'string' ? entry['email'] : ''}`.trim();
    const problems: string[] = [];
    if (!isEmailAddress(entry['email'])) problems.push(`${at}: email must be an email address`);
    else if (seen.has(normaliseEmail(entry['email']))) problems.push(`${at}: listed twice`);
    else seen.add(normaliseEmail(entry['email']));
    if (typeof entry['name'] !== 'string' || entry['name'].trim() === '') problems.push(`${at}: name is missing`);
    else if (hasUnsafeCharacters(entry['name'])) problems.push(`${at}: name holds a control, bidi override or lone surrogate character`);
    if (entry['role'] !== 'staff' && entry['role'] !== 'admin') problems.push(`${at}: role must be "staff" or "admin"`);
    const municipalities = entry['municipalities'];
    if (!Array.isArray(municipalities) || municipalities.length === 0) problems.push(`${at}: municipalities must list at least one`);
    else
      for (const m of municipalities)
        if (!municipalityIds.includes(m as string)) problems.push(`${at}: no municipality ${JSON.stringify(m)}`);
    const unknown = Object.keys(entry).filter((k) => !['email', 'name', 'role', 'municipalities'].includes(k));
    if (unknown.length) problems.push(`${at}: unknown field(s) ${unknown.join(', ')}`);
    return problems;
  });
}
