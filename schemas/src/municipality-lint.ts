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

/** Problems in one municipality file as read from JSON; empty when it can be used as a `Municipality`. */
export function lintMunicipality(data: unknown, context: MunicipalityLintContext): Problem[] {
  if (!isRecord(data)) return [`${context.file}: not a JSON object`];
  const problems: Problem[] = [];
  const expectedId = context.file.replace(/\.json$/, '');
  if (data['id'] !== expectedId) problems.push(`id ${show(data['id'])} must be the file name, ${show(expectedId)}`);
  if (!isText(data['name'])) problems.push('name is missing');

  const prefix = data['referencePrefix'];
  if (typeof prefix !== 'string' || !/^[A-Z]{3}$/.test(prefix)) problems.push(`referencePrefix ${show(prefix)} must be three capital letters A–Z`);
  const sharing = context.others.filter((m) => isRecord(m) && m['referencePrefix'] === prefix).map((m) => show((m as Record<string, unknown>)['id']));
  if (typeof prefix === 'string' && sharing.length) problems.push(`referencePrefix ${prefix} is also used by ${sharing.join(', ')}; references must tell municipalities apart`);

  const forms = data['forms'];
  if (!Array.isArray(forms)) problems.push('forms must list form ids');
  const offered = Array.isArray(forms) ? forms : [];
  for (const form of offered) if (typeof form !== 'string' || !context.formIds.includes(form)) problems.push(`forms: ${show(form)} is no form of the catalog`);
  for (const form of new Set(offered.filter((f, i) => offered.indexOf(f) !== i))) problems.push(`forms: ${show(form)} is listed twice`);
  problems.push(...routingProblems(data['routing'], offered));

  const contact = data['contact'];
  if (!isRecord(contact)) problems.push('contact is missing');
  else {
    if (!isEmailAddress(contact['email'])) problems.push(`contact.email ${show(contact['email'])} is no valid mailbox`);
    if (!isText(contact['phone'])) problems.push('contact.phone is missing');
    if (!isText(contact['address'])) problems.push('contact.address is missing');
  }
  if (!isHttps(data['privacyNoticeUrl'])) problems.push(`privacyNoticeUrl ${show(data['privacyNoticeUrl'])} must be an https address`);
  return problems.map((p) => `${context.file}: ${p}`);
}
