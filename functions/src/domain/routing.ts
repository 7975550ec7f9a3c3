import type { Municipality } from '../../../schemas/src/index.js';

/**
 * The staff mailboxes a form's notifications go to in a municipality: its own routing entry, else the `default`
 * entry, else the municipality's contact address. The one routing rule; the notifier, the digest and the check
 * of assignees all ask it.
 */
export function mailboxesFor(municipality: Municipality, formId: string): string[] {
  return municipality.routing[formId] ?? municipality.routing['default'] ?? [municipality.contact.email];
}

/** Every mailbox that receives a municipality's notifications, each once, in routing order. */
export function routedMailboxes(municipality: Municipality): string[] {
  return [...new Set(municipality.forms.flatMap((formId) => mailboxesFor(municipality, formId)))];
}

/** The forms whose notifications reach `mailbox` in a municipality. */
export function formsRoutedTo(municipality: Municipality, mailbox: string): string[] {
  return municipality.forms.filter((formId) => mailboxesFor(municipality, formId).includes(mailbox));
}
