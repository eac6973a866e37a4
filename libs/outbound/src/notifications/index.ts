// Residents' and staff's notifications: destinations of the outbound consumer, their templates and transports.
export * from './notification-config';
export * from './notification-settings';
export * from './resident-notification-destination';
export * from './staff-notification-destination';
export * from './staff-preferences';
export * from './unsubscribe';
export * from './unsubscribe-token';
export * from './templates/resident-templates';
export * from './templates/staff-templates';
export * from './transports/transport';
export * from './transports/smtp-email-transport';
export * from './transports/twilio-sms-transport';
