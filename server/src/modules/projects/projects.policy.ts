import type { Actor } from '@tongxin/core';
import { assertWorkCan, canWork, type WorkAction } from './work-scope.ts';

export type ProjectAction = 'read' | 'create' | 'update' | 'transition' | 'review' | 'archive';

/** A project as the policy sees it: where it sits in the tree. */
export interface ProjectTarget {
  path: string;
}

const needs: Record<ProjectAction, WorkAction> = {
  read: 'read',
  create: 'write',
  update: 'write',
  transition: 'write',
  review: 'review',
  archive: 'write',
};

/**
 * Everyone reads the projects of their subtree; staff and administrators create, edit, move and
 * archive them there; only reviewers and administrators mark a project reviewed.
 */
export function can(actor: Actor, action: ProjectAction, target: ProjectTarget | null): boolean {
  return canWork(actor, needs[action], target);
}

export function assertCan(actor: Actor, action: ProjectAction, target: ProjectTarget | null): void {
  assertWorkCan(actor, needs[action], target);
}

/** The actions the UI may offer on a project. */
export function allowedActions(actor: Actor, target: ProjectTarget): ProjectAction[] {
  return (['read', 'update', 'transition', 'review', 'archive'] as const).filter((action) => can(actor, action, target));
}
