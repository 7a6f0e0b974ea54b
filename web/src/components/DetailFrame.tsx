import type { ReactNode } from 'react';
import { Breadcrumb, Card, Flex } from 'antd';
import { Link } from 'react-router';

interface Props {
  /** The list this record belongs to, for the breadcrumb back. */
  listPath: string;
  listTitle: string;
  /** The record's name in the breadcrumb. */
  crumb: string;
  title: ReactNode;
  extra?: ReactNode;
  testId: string;
  children: ReactNode;
}

/** The frame of a registry record's own page: a way back to its list, the record, what links to it. */
export function DetailFrame({ listPath, listTitle, crumb, title, extra, testId, children }: Props) {
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <Breadcrumb items={[{ title: <Link to={listPath}>{listTitle}</Link> }, { title: crumb }]} />
      <Card title={title} extra={extra}>
        <Flex vertical gap={20}>
          {children}
        </Flex>
      </Card>
    </Flex>
  );
}
