import type { MunicipalityInfo } from '../api.js';
import { useTexts } from '../texts-context.js';

/** A municipality's phone, email, address and hours; phone and email are tappable. */
export function ContactDetails({ municipality }: { municipality: MunicipalityInfo }) {
  const { t } = useTexts();
  const { contact, texts } = municipality;
  const tel = contact.phone.replace(/[^\d+]/g, '');
  return (
    <dl className="contact">
      <div>
        <dt>{t('municipality.phone')}</dt>
        <dd>
          <a href={`tel:${tel}`} dir="ltr">
            {contact.phone}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('municipality.email')}</dt>
        <dd>
          <a href={`mailto:${contact.email}`} dir="ltr">
            {contact.email}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('municipality.address')}</dt>
        <dd>{contact.address}</dd>
      </div>
      {texts['contactHours'] ? (
        <div>
          <dt>{t('municipality.hours')}</dt>
          <dd>{texts['contactHours']}</dd>
        </div>
      ) : null}
    </dl>
  );
}
