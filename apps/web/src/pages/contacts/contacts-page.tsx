import { useMemo, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { formatCityTime } from '../../lib/city-time';
import { navigate } from '../../lib/router';
import { useSession } from '../../session';
import { ContactFiguresSection } from './contact-figures';
import { contactParametersOf, type ContactParameters, contactsAddress } from './contacts-parameters';
import { ContactsForm } from './contacts-form';
import { DepartmentFiguresSection } from './department-figures';
import { GapsList } from './gaps-list';
import { HeatMapSection } from './heat-map';
import { useContactsData } from './use-contacts-data';

/**
 * The director's view of every question residents bring, not only their requests: contacts,
 * first-contact answers, handle time, transfers, callbacks and articles used over a range, the
 * heat map of when each line is busiest, the questions the knowledge base does not answer, and
 * the trend. The parameters live in the address; a department head gets their own line (the API scopes it).
 */
export function ContactsPage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const applied = useMemo(() => contactParametersOf(query, session), [query, session]);
  const [form, setForm] = useState<ContactParameters>(applied);
  // New parameters in the address reset the form to them (state adjusted while rendering, not in an effect).
  const [formOf, setFormOf] = useState(applied);
  if (formOf !== applied) {
    setFormOf(applied);
    setForm(applied);
  }
  const { loaded, problem, busy } = useContactsData(session, applied);
  const tz = session.catalog.timeZone;
  return (
    <>
      <h1>Contacts and questions</h1>
      <ContactsForm form={form} onChange={setForm} onShow={() => navigate(contactsAddress(form))} />
      <p className="as-of-banner" role="status" data-testid="contacts-status" aria-busy={busy}>
        {busy
          ? 'Loading…'
          : loaded
            ? `Contacts started from ${formatCityTime(tz, loaded.range.from)} to ${formatCityTime(tz, loaded.range.to)}${
                loaded.range.department ? `, ${session.departmentName(loaded.range.department)} line` : ''
              }; live figures.`
            : ''}
      </p>
      <ProblemNotice problem={problem} action="see these contact figures" />
      {loaded && <ContactFiguresSection range={loaded.range} trend={loaded.trend} groupBy={applied.groupBy} />}
      {loaded && <HeatMapSection lines={loaded.busiest.lines} />}
      {loaded && <GapsList gaps={loaded.gaps.gaps} />}
      {loaded && <DepartmentFiguresSection transfers={loaded.range.transfers} callbacks={loaded.range.callbacks} topArticles={loaded.range.topArticles} />}
    </>
  );
}
