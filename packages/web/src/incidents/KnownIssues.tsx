import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { activeIncidentsQuery } from './queries.js';

/**
 * At the top of the new ticket form: the incidents known now on the components serving the chosen
 * product (any product while none is chosen), each with its public page to follow. The live region
 * is always there, so a screen reader hears the notice when a product choice brings one.
 */
export function KnownIssues({ product }: { product: string }) {
  const intl = useIntl();
  const active = useQuery(activeIncidentsQuery(product));
  // A notice that cannot be read is left out: it is a courtesy, not part of the form.
  const items = active.data?.items ?? [];
  return (
    <div role="status" className="known-issues">
      {items.length > 0 && (
        <div className="notice notice-warning">
          <ul className="plain">
            {items.map((incident) => (
              <li key={incident.id}>
                <FormattedMessage
                  id="incidents.notice.incident"
                  values={{ name: incident.name, strong: (text) => <strong>{text}</strong>, link: (text) => <a href={incident.public_url}>{text}</a> }}
                />
              </li>
            ))}
          </ul>
          <p className="small">{intl.formatMessage({ id: 'incidents.notice.stillWrite' })}</p>
        </div>
      )}
    </div>
  );
}
