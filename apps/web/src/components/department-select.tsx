import { useSession } from '../session';

/** A labelled choice of the catalog's departments, with "Any" first (the empty value). */
export function DepartmentSelect({ id, value, onChange }: { id: string; value: string; onChange: (department: string) => void }) {
  const { catalog } = useSession();
  return (
    <div className="field">
      <label htmlFor={id}>Department</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {catalog.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
}
