import { Link } from 'react-router';
import { PageHeader } from '../../ui/Page.tsx';
import { EncryptionSection } from './EncryptionSection.tsx';

/** Settings of this database: how it is kept safe, and where the other settings live. */
export function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle={
          <>
            Working days and holidays are set on the <Link to="/settings/holidays">Holidays</Link> page.
          </>
        }
      />
      <EncryptionSection />
    </>
  );
}
