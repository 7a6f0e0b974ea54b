/* What other modules may use of attachments: the files of a record, as summaries (activities, milestones). */
export { listAttachments, toAttachmentSummary } from './attachments.repo.ts';
