import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Await } from '../shared/feedback.js';
import { CalendarsSection } from './Calendars.js';
import { PackUpload } from './PackUpload.js';
import { PolicyPacks } from './PolicyPacks.js';
import { policiesQuery } from './queries.js';

/** The policy packs with their versions, and a pack file check. */
export function PolicyArea() {
  const intl = useIntl();
  const policies = useQuery(policiesQuery);
  return (
    <>
      <section aria-labelledby="policies-heading" className="panel">
        <h2 id="policies-heading">
          <FormattedMessage id="policy.area.packsHeading" />
        </h2>
        <Await query={policies} label={intl.formatMessage({ id: 'policy.area.loadingPacks' })}>
          {({ items }) => <PolicyPacks packs={items} />}
        </Await>
      </section>
      <PackUpload />
    </>
  );
}

/** The calendars of the packs in force: next open hours and a month view. */
export function CalendarArea() {
  const intl = useIntl();
  const policies = useQuery(policiesQuery);
  return (
    <Await query={policies} label={intl.formatMessage({ id: 'policy.area.loadingCalendars' })}>
      {({ items }) => <CalendarsSection packs={items} />}
    </Await>
  );
}
