import type { FormEvent } from 'react';
import { DepartmentSelect } from '../../components/department-select';
import { useSession } from '../../session';
import type { CoverageParameters } from './coverage-parameters';

/** The range and the department; "Show" puts them in the address. A department head's report is their own department's (the API scopes it). */
export function CoverageForm({ form, onChange, onShow }: { form: CoverageParameters; onChange: (form: CoverageParameters) => void; onShow: () => void }) {
  const session = useSession();
  const { me } = session;
  // Who reads more than one line chooses the department; a head reads their own.
  const choosesDepartment = me.may.phoneLinesOf.length > 1;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onShow();
  };
  return (
    <form className="report-form" onSubmit={submit} aria-describedby="coverage-scope">
      <p id="coverage-scope" className="hint">
        {choosesDepartment ? 'Every department, or the one chosen.' : `Your department’s line (${session.departmentName(me.department ?? '')}).`} Days are the
        city’s local dates ({session.catalog.timeZone}); minutes are City Hall’s opening hours.
      </p>
      <div className="field">
        <label htmlFor="coverage-from">From</label>
        <input id="coverage-from" type="date" value={form.from} onChange={(e) => onChange({ ...form, from: e.target.value })} required />
      </div>
      <div className="field">
        <label htmlFor="coverage-to">To (inclusive)</label>
        <input id="coverage-to" type="date" value={form.to} onChange={(e) => onChange({ ...form, to: e.target.value })} required />
      </div>
      {choosesDepartment && <DepartmentSelect id="coverage-department" value={form.department} onChange={(department) => onChange({ ...form, department })} />}
      <div className="actions">
        <button type="submit" className="primary">
          Show
        </button>
      </div>
    </form>
  );
}
