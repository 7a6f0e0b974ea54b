/**
 * Steps that undo or give up work: the button is a danger button, and the step's dialog (which
 * asks for the reason) is the confirmation, its OK button red too. One list so every page agrees
 * on what is destructive (issue 17: 放弃认领 looked like the primary action).
 */
const destructiveActions = new Set([
  'release', // 放弃认领
  'withdraw', // 撤回
  'expire', // 标记过期
  'return', // 退单
  'close_invalid', // 作废办结
  'close_without_follow_up', // 未回访办结
  'delete',
  'remove',
  'revoke',
  'cancel',
]);

export function isDestructiveAction(action: string): boolean {
  return destructiveActions.has(action);
}

/** Button props for a step: red for destructive ones, primary for the work moving forward. */
export function stepButtonProps(action: string): { type: 'primary' | 'default'; danger: boolean } {
  return isDestructiveAction(action) ? { type: 'default', danger: true } : { type: 'primary', danger: false };
}
