import type { Page, Role, User } from '@tongxin/core';
import { api } from './client.ts';

export type UserAction = 'read' | 'update' | 'disable' | 'reset_password';
export type UserDetail = User & { allowed: UserAction[] };

export interface UserFilters {
  q?: string;
  role?: Role;
  disabled?: 'true' | 'false';
  divisionId?: number;
  page: number;
  pageSize: number;
}

export interface UserInput {
  displayName: string;
  divisionId: number | null;
  roles: Role[];
  phone: string | null;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

export function listUsers(filters: UserFilters): Promise<Page<User>> {
  return api.get<Page<User>>('/api/users', { ...filters });
}

export function fetchUser(id: number): Promise<UserDetail> {
  return api.get<UserDetail>(`/api/users/${id}`);
}

export function createUser(input: UserInput & { username: string; password: string }): Promise<User> {
  return api.post<User>('/api/users', input);
}

export function updateUser(id: number, input: Partial<UserInput> & { disabled?: boolean; version: number }): Promise<UserDetail> {
  return api.patch<UserDetail>(`/api/users/${id}`, input);
}

/** Unlock an account locked after too many failed sign-ins. */
export function unlockUser(id: number): Promise<UserDetail> {
  return api.post<UserDetail>(`/api/users/${id}/unlock`);
}

export function resetPassword(id: number, password: string): Promise<void> {
  return api.post<void>(`/api/users/${id}/password`, { password });
}
