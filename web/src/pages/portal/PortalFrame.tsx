import type { ReactNode } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../components/BrandMark.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import styles from './portal.module.css';

/** The public portal's frame: built for a phone first, no sign-in, submit or track. */
export function PortalFrame({ children, testId }: { children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tab = pathname.startsWith('/portal/track') ? '/portal/track' : '/portal';
  return (
    <div className={styles.page} data-testid={testId}>
      <header className={styles.header}>
        <div className={styles.title}>
          <BrandMark size={30} />
          <div>
            <h1>{t('requestPages.portal.title')}</h1>
            <small>{t('requestPages.portal.subtitle')}</small>
          </div>
        </div>
        <LanguageSwitch size="small" />
      </header>
      <main className={styles.body}>
        <Segmented
          block
          size="large"
          value={tab}
          onChange={(value) => void navigate(value)}
          options={[
            { value: '/portal', label: <span data-testid="portal-tab-submit">{t('requestPages.portal.submitTab')}</span> },
            { value: '/portal/track', label: <span data-testid="portal-tab-track">{t('requestPages.portal.trackTab')}</span> },
          ]}
          style={{ marginBottom: 12 }}
        />
        {children}
      </main>
    </div>
  );
}
