import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { SignInForm } from '@/features/auth/components/sign-in-form.tsx';
import { AuthCard } from '@/components/auth-card.tsx';

export function SignInRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo');
  // Only same-site paths: never bounce to another origin.
  const target = redirectTo?.startsWith('/') && !redirectTo.startsWith('//') ? redirectTo : paths.home.to();
  return (
    <AuthCard
      title="Welcome back"
      footer={
        <>
          New here?{' '}
          <Link className="font-semibold text-accent-400 hover:underline" to={paths.signUp.to()}>
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm onSignedIn={() => navigate(target)} />
    </AuthCard>
  );
}
