import type { InboxBox, InboxCounts, InboxItem, Notification, Page } from '@tongxin/core';
import { api } from './client.ts';

/** What waits on the user (inbox) and what happened to them (notifications). */
export const inboxKeys = {
  all: ['inbox'] as const,
  counts: ['inbox', 'counts'] as const,
  items: (box: InboxBox | undefined) => ['inbox', 'items', box ?? null] as const,
  notifications: (page: number, unread: boolean) => ['inbox', 'notifications', page, unread] as const,
};

export const fetchInboxCounts = () => api.get<InboxCounts>('/api/inbox/counts');
export const fetchInbox = (box?: InboxBox) => api.get<InboxItem[]>('/api/inbox', { box });
export const fetchNotifications = (page: number, unread: boolean) => api.get<Page<Notification>>('/api/notifications', { page, pageSize: 20, unread: unread ? 'true' : undefined });
export const markNotificationRead = (id: number) => api.post<void>(`/api/notifications/${id}/read`);
export const markAllNotificationsRead = () => api.post<void>('/api/notifications/read-all');

/** The page an inbox item or a notification opens. */
export function pathOf(entity: string, id: number, reportId?: number | null): string {
  if (entity === 'case') return `/cases/${id}`;
  if (entity === 'need') return `/needs/${id}`;
  if (entity === 'assignment' || entity === 'dc_assignment') return reportId ? `/direct-channel/${reportId}` : '/direct-channel';
  if (entity === 'report') return `/direct-channel/${id}`;
  return '/inbox';
}
