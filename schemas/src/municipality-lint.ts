import { isEmailAddress } from './ajv-options.js';

type Problem = string;

/** What one municipality file is checked against: its name and the rest of the catalog. */
export interface MunicipalityLintContext {
  /** The file's name, e.g. `heinola.json`; the id must be the name without `.json`. */
  file: string;
  /** Ids of the forms the catalog has. */
  formIds: readonly string[];
  /** The other municipality files as read, so that reference prefixes stay unique. */
  others: readonly unknown[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const show = (v: unknown): string => JSON.stringify(v) ?? 'nothing';

function isHttps(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function routingProblems(routing: unknown, offered: readonly unknown[]): Problem[] {
  if (!isRecord(routing)) return ['routing must map form ids and default to mailboxes'];
  const problems: Problem[] = [];
  for (const [key, list] of Object.entries(routing)) {
    if (key !== 'default' && !offered.includes(key)) problems.push(`routing.${key} names no form the municipality offers`);
    // An empty list would win over default, and the notifier would mark as sent a notification mailed to nobody.
    if (!Array.isArray(list) || list.length === 0) problems.push(`routing.${key} must list at least one mailbox`);
    else for (const address of list) if (!isEmailAddress(address)) problems.push(`routing.${key}: ${show(address)} is no valid mailbox`);
  }
  return problems;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A weekly walk-in: a weekday (1 Monday … 7 Sunday), opening and closing time (HH:MM), and the address. */
function walkInProblems(walkIn: unknown): Problem[] {
  if (walkIn === undefined) return [];
  if (!isRecord(walkIn)) return ['walkIn must be { weekday, opens, closes, address }'];
  const problems: Problem[] = [];
  const day = walkIn['weekday'];
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7)
    problems.push(`walkIn.weekday ${show(day)} must be 1 (Monday) to 7 (Sunday)`);
  for (const key of ['opens', 'closes'])
    if (typeof walkIn[key] !== 'string' || !TIME.test(walkIn[key]))
      problems.push(`walkIn.${key} ${show(walkIn[key])} must be a time HH:MM`);
  if (typeof walkIn['opens'] === 'string' && typeof walkIn['closes'] === 'string' && walkIn['opens'] >= walkIn['closes'])
    problems.push('walkIn.closes must be after walkIn.opens');
  if (!isText(walkIn['address'])) problems.push('walkIn.address is missing');
  return problems;
}

/** Problems in one municipality file as read from JSON; empty when it can be used as a `Municipality`. */
export function lintMunicipality(data: unknown, context: MunicipalityLintContext): Problem[] {
  if (!isRecord(data)) return [`${context.file}: not a JSON object`];
  const problems: Problem[] = [];
  const expectedId = context.file.replace(/\.json$/, '');
  if (data['id'] !== expectedId) problems.push(`id ${show(data['id'])} must be the file name, ${show(expectedId)}`);
  if (!isText(data['name'])) problems.push('name is missing');

  const prefix = data['referencePrefix'];
  if (typeof prefix !== 'string' || !/^[A-Z]{3}$/.test(prefix))
    problems.push(`referencePrefix ${show(prefix)} must be three capital letters A–Z`);
  const sharing = context.others
    .filter((m) => isRecord(m) && m['referencePrefix'] === prefix)
    .map((m) => show((m as Record<string, unknown>)['id']));
  if (typeof prefix === 'string' && sharing.length)
    problems.push(`referencePrefix ${prefix} is also used by ${sharing.join(', ')}; references must tell municipalities apart`);

  const forms = data['forms'];
  if (!Array.isArray(forms)) problems.push('forms must list form ids');
  const offered = Array.isArray(forms) ? forms : [];
  for (const form of offered)
    if (typeof form !== 'string' || !context.formIds.includes(form)) problems.push(`forms: ${show(form)} is no form of the catalog`);
  for (const form of new Set(offered.filter((f, i) => offered.indexOf(f) !== i))) problems.push(`forms: ${show(form)} is listed twice`);
  problems.push(...routingProblems(data['routing'], offered));

  const contact = data['contact'];
  if (!isRecord(contact)) problems.push('contact is missing');
  else {
    if (!isEmailAddress(contact['email'])) problems.push(`contact.email ${show(contact['email'])} is no valid mailbox`);
    if (!isText(contact['phone'])) problems.push('contact.phone is missing');
    if (!isText(contact['address'])) problems.push('contact.address is missing');
  }
  problems.push(...walkInProblems(data['walkIn']));
  const sms = data['sms'];
  if (sms !== undefined && (!isRecord(sms) || typeof sms['enabled'] !== 'boolean'))
    problems.push('sms must be { "enabled": true or false }');
  if (!isHttps(data['privacyNoticeUrl'])) problems.push(`privacyNoticeUrl ${show(data['privacyNoticeUrl'])} must be an https address`);
  return problems.map((p) => `${context.file}: ${p}`);
}
