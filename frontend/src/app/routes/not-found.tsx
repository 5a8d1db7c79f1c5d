import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { StatusPanel } from '@/components/status-panel.tsx';

export function NotFoundRoute() {
  return (
    <StatusPanel title="Page not found">
      <Link className="font-semibold text-accent-400 hover:underline" to={paths.home.to()}>
        Back to the home page
      </Link>
    </StatusPanel>
  );
}
