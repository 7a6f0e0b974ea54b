/*
 * What other modules may use of the audit log: jobs without a request (reminders, expiry, phone
 * retention) write their entry with `insertAuditEntry` in their own transaction; request handlers
 * use `recordAudit` from the service.
 */
export { insertAuditEntry, type NewAuditEntry } from './audit.repo.ts';
export { recordAudit, type AuditEvent } from './audit.service.ts';
