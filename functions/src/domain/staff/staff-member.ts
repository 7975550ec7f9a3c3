export type Role = 'staff' | 'admin';

/** A person who may sign in: staff triage their municipalities' submissions; admins also manage forms and staff. */
export interface StaffMember {
  email: string;
  name: string;
  role: Role;
  municipalities: string[];
}

/** Whether a member may see a municipality's submissions. */
export function canAccess(member: StaffMember, municipality: string): boolean {
  return member.municipalities.includes(municipality);
}

/** Emails are compared case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
