import { projectStatuses, type ProjectStatus } from '@tongxin/core';

/** Where a project stands at one stage of its loop (planned → active → done → reviewed). */
export type StageMark = 'passed' | 'current' | 'ahead';

/**
 * The mark of each stage column for a project in `status`: stages before it are passed, its own is
 * current, later ones are ahead.
 *
 * @example stageMarks('done') // { planned: 'passed', active: 'passed', done: 'current', reviewed: 'ahead' }
 */
export function stageMarks(status: ProjectStatus): Record<ProjectStatus, StageMark> {
  const at = projectStatuses.indexOf(status);
  return Object.fromEntries(projectStatuses.map((stage, i) => [stage, i < at ? 'passed' : i === at ? 'current' : 'ahead'])) as Record<ProjectStatus, StageMark>;
}
