import { CITY_HALL } from '../calendar/calendar-fixtures';
import type { CatalogConfig } from './catalog-config';

/** Test fixture: a small valid catalog, fresh on every call so a test may break it. */
export function smallCatalogConfig(): CatalogConfig {
  return structuredClone({
    jurisdiction: 'harrowfield.example.gov',
    departments: [
      { code: 'DPW', name: 'Public Works', phone: '(978) 555-0120' },
      { code: 'CLERK', name: 'City Clerk', email: 'clerk@harrowfield.example.gov' },
      { code: 'PARKING', name: 'Parking Clerk', mainLineRoutedTo311: true },
    ],
    services: [
      {
        code: 'TRASH-MISSED',
        name: 'Missed trash pickup',
        description: 'Trash was not collected on the scheduled day.',
        group: 'Trash & Recycling',
        keywords: ['trash'],
        department: 'DPW',
        sla: { amount: 1, unit: 'business_days' },
        defaultPriority: 'normal',
        attributes: [
          {
            code: 'CART_TYPE',
            datatype: 'singlevaluelist',
            description: 'Which cart?',
            required: true,
            order: 1,
            variable: true,
            values: [
              { key: 'trash', name: 'Trash' },
              { key: 'recycling', name: 'Recycling' },
            ],
          },
        ],
      },
      {
        code: 'ABANDONED-VEHICLE',
        name: 'Abandoned vehicle',
        description: 'A vehicle that appears abandoned.',
        group: 'Vehicles & Parking',
        keywords: ['car'],
        department: 'PARKING',
        sla: { amount: 16, unit: 'business_hours' },
        defaultPriority: 'low',
        attributes: [{ code: 'PLATE', datatype: 'string', description: 'License plate', required: true, order: 1, variable: true }],
      },
    ],
    calendar: CITY_HALL,
    policies: { reopenWindowDays: 30 },
  } satisfies CatalogConfig);
}
