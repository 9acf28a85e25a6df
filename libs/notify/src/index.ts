export { NOTIFICATION_SCRIPT_ENV, createNotifier, readComposeFields, resolveNotificationScript } from './notifier.js';
export type { ComposeFields, Notifier, NotifierOptions } from './notifier.js';
