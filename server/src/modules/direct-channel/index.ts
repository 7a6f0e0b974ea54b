/* What other modules may use of the direct channel: the reminder job reads open assignments and writes their history. */
export { insertDcEvents, openAssignments, type AssignmentRow, type NewDcEvent } from './dc.repo.ts';
