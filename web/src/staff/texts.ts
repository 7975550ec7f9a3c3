/** Form titles for when the forms list cannot be fetched (the API's Finnish titles win when it can). */
export const FORM_TITLES: Record<string, string> = {
  registration: 'Asiakkaaksi ilmoittautuminen',
  guidance: 'Ohjaus ja neuvonta',
  hobby: 'Harrastukseen ilmoittautuminen',
  orientation: 'Yhteiskuntaorientaatio',
  feedback: 'Asiakaspalaute',
};

export const NOTIFICATION_LABELS = {
  pending: 'odottaa lähetystä',
  sent: 'lähetetty',
  failed: 'lähetys epäonnistui',
} as const;

export const APP_NAME = 'Koto-lomakkeet';
