import { LANGUAGES, type Lang } from '../../../schemas/src/languages.js';

/**
 * Where a statement in `shown` sends a reader of a page in `lang` to give feedback: the feedback form in their own
 * language when it is offered in it, else in English (every form has English). `name` is the form's language in
 * that language when it differs from the statement's, so the link says truthfully which language it opens in.
 */
export function feedbackLink(lang: Lang, shown: Lang, offeredInLang: boolean): { lang: Lang; name?: string } {
  const target: Lang = offeredInLang ? lang : 'en';
  return target === shown ? { lang: target } : { lang: target, name: LANGUAGES.find((l) => l.code === target)?.name ?? target };
}
