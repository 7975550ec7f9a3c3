import type { Colleague } from '../../../../schemas/src/index.js';
import type { StaffDirectory } from '../ports.js';
import type { StaffMember } from './staff-member.js';

/**
 * The people a member may hand work to: everyone in the directory who shares one of their municipalities (the
 * member too), by name. Only names and emails: roles and other towns are the admins' business.
 */
export async function listColleagues(deps: { staff: StaffDirectory }, member: StaffMember): Promise<Colleague[]> {
  const everyone = await deps.staff.list();
  return everyone
    .filter((other) => other.municipalities.some((m) => member.municipalities.includes(m)))
    .map(({ email, name }) => ({ email, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.email.localeCompare(b.email));
}
