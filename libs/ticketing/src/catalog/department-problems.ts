import { type ConfigReader, fieldPath } from '../calendar';
import { forEachCodedEntry } from './catalog-code';

const DEPARTMENT = { kind: 'department', fields: ['code', 'name', 'phone', 'email', 'mainLineRoutedTo311'] } as const;

/** Reports problems of the department list at `path`; returns the codes of the departments it defines. */
export function checkDepartments(reader: ConfigReader, value: unknown, path: string): string[] {
  const codes: string[] = [];
  forEachCodedEntry(reader, value, path, DEPARTMENT, (department, departmentPath, code) => {
    if (code !== undefined) codes.push(code);
    reader.string(department.name, fieldPath(departmentPath, 'name'));
    reader.string(department.phone, fieldPath(departmentPath, 'phone'), true);
    const email = reader.string(department.email, fieldPath(departmentPath, 'email'), true);
    if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email)) {
      reader.report(fieldPath(departmentPath, 'email'), `must be an email address (got ${JSON.stringify(email)})`);
    }
    reader.boolean(department.mainLineRoutedTo311, fieldPath(departmentPath, 'mainLineRoutedTo311'), true);
  });
  return codes;
}
