import type { PutStaffRequest, StaffEntry } from '../../../../schemas/src/index.js';
import { epochAfterDays } from '../epoch.js';
import { InvalidRequest, LastAdmin, NotFound } from '../errors.js';
import type { FormCatalog } from '../form-catalog.js';
import type { AuditLog, Clock, StaffAuditEntry, StaffDirectory } from '../ports.js';
import { normaliseEmail, staffListProblems, type StaffMember, type StaffRecord } from '../staff/staff-member.js';

export interface StaffAdminDeps {
  staff: StaffDirectory;
  audit: AuditLog;
  clock: Clock;
  registry: { catalog: Pick<FormCatalog, 'municipalities'> };
}

/** Where every change to the staff directory is audited: one trail, each entry naming the person changed. */
export const STAFF_AUDIT_REFERENCE = 'staff';
/** How long a change to the directory stays in the audit log, as a form's changes do. */
const STAFF_AUDIT_DAYS = 10 * 365;

const entry = ({ email, name, role, municipalities }: StaffMember): StaffEntry => ({ email, name, role, municipalities });

/** Everyone who may sign in, in email order. */
export async function listStaff(deps: StaffAdminDeps): Promise<StaffEntry[]> {
  return (await deps.staff.list()).map(entry).sort((a, b) => a.email.localeCompare(b.email));
}

async function audit(deps: StaffAdminDeps, actor: string, action: StaffAuditEntry['action'], detail: string): Promise<void> {
  const now = deps.clock.now();
  await deps.audit.record({
    reference: STAFF_AUDIT_REFERENCE,
    at: now.toISOString(),
    actor,
    action,
    detail,
    expiresAt: epochAfterDays(now, STAFF_AUDIT_DAYS),
  });
}

/** What a change did, in field names and values that are no one's answers: `role staff → admin, name`. */
function changes(before: StaffMember | undefined, after: StaffMember): string {
  if (!before) return `role ${after.role}, municipalities ${after.municipalities.join(', ')}`;
  const parts: string[] = [];
  if (before.name !== after.name) parts.push('name');
  if (before.role !== after.role) parts.push(`role ${before.role} → ${after.role}`);
  if (before.municipalities.join() !== after.municipalities.join())
    parts.push(`municipalities ${before.municipalities.join(', ')} → ${after.municipalities.join(', ')}`);
  return parts.length ? parts.join('; ') : 'no changes';
}

const isAdmin = (m: StaffMember) => m.role === 'admin';

/**
 * The directory's one rule no single write can keep: someone stays an admin. Checked before a change, and again
 * after it, because two admins removing each other at once would each see the other still there; the change that
 * finds nobody left is undone (`undo`) and refused, so at worst both are refused, never both done.
 */
async function keepingAnAdmin(deps: StaffAdminDeps, email: string, change: () => Promise<void>, undo: () => Promise<void>) {
  const others = (await deps.staff.list()).filter((m) => isAdmin(m) && m.email !== email);
  if (others.length === 0) throw new LastAdmin(`${email} is the last admin: make someone else an admin first.`);
  await change();
  if (!(await deps.staff.list()).some(isAdmin)) {
    await undo();
    throw new LastAdmin(`${email} is the last admin: make someone else an admin first.`);
  }
}

/**
 * Adds a person or changes their name, role and municipalities; 400 for an address, role or municipality that is
 * not one, 409 `last_admin` for making the last admin staff. Their sessions go on; the next request sees the change.
 */
export async function putStaffMember(deps: StaffAdminDeps, rawEmail: string, body: PutStaffRequest, actor: string): Promise<StaffEntry> {
  const member: StaffMember = {
    email: normaliseEmail(rawEmail),
    name: body.name.trim(),
    role: body.role,
    municipalities: body.municipalities,
  };
  const ids = deps.registry.catalog.municipalities().map((m) => m.id);
  // The same rules as the staff file of `put-staff.mjs`.
  const problems = staffListProblems([member], ids).map((p) => p.replace(/^\[0\] \S*: /, ''));
  if (problems.length) throw new InvalidRequest(`The person cannot be saved: ${problems.join('; ')}.`);
  const before = await deps.staff.get(member.email);
  const at = deps.clock.now().toISOString();
  if (before && isAdmin(before) && !isAdmin(member))
    await keepingAnAdmin(
      deps,
      member.email,
      () => deps.staff.put(member, at),
      () => deps.staff.put(before, at),
    );
  else await deps.staff.put(member, at);
  await audit(deps, actor, before ? 'change' : 'add', `${member.email}: ${changes(before, member)}`);
  return entry(member);
}

/**
 * Takes a person out: their sessions end at once (and stay ended if they are added again). 404 for someone not
 * in the directory, 409 `last_admin` for the last admin, themselves included.
 */
export async function removeStaffMember(deps: StaffAdminDeps, rawEmail: string, actor: string): Promise<void> {
  const email = normaliseEmail(rawEmail);
  const before = await deps.staff.get(email);
  if (!before) throw new NotFound(`${email} is not in the staff directory.`);
  let removed: StaffRecord | undefined;
  const remove = async () => {
    removed = await deps.staff.remove(email);
  };
  if (isAdmin(before))
    await keepingAnAdmin(deps, email, remove, async () => {
      if (removed) await deps.staff.restore(removed);
    });
  else await remove();
  if (!removed) throw new NotFound(`${email} is not in the staff directory.`);
  await audit(deps, actor, 'remove', `${email}: role ${removed.role}, municipalities ${removed.municipalities.join(', ')}`);
}
