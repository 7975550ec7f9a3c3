import type { Status } from './staff-api.js';

/** Status names as staff say them. */
export const STATUS_LABELS: Record<Status, string> = {
  new: 'uusi',
  in_progress: 'käsittelyssä',
  waiting_resident: 'odottaa asiakasta',
  done: 'valmis',
  rejected: 'hylätty',
};

/** Form titles for when the forms list cannot be fetched (the API's Finnish titles win when it can). */
export const FORM_TITLES: Record<string, string> = {
  registration: 'Asiakkaaksi ilmoittautuminen',
  guidance: 'Ohjaus ja neuvonta',
  hobby: 'Harrastukseen ilmoittautuminen',
  orientation: 'Yhteiskuntaorientaatio',
  feedback: 'Asiakaspalaute',
};

/** The residents' languages named in Finnish. */
export const LANGUAGE_NAMES: Record<string, string> = {
  fi: 'suomi',
  sv: 'ruotsi',
  en: 'englanti',
  ru: 'venäjä',
  uk: 'ukraina',
  et: 'viro',
  ar: 'arabia',
  fa: 'dari / persia',
  th: 'thai',
  tl: 'tagalog',
};

export const NOTIFICATION_LABELS = {
  pending: 'odottaa lähetystä',
  sent: 'lähetetty',
  failed: 'lähetys epäonnistui',
} as const;

export const APP_NAME = 'Koto-lomakkeet';
