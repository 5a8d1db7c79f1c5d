import { Link, useNavigate } from 'react-router';
import { paths } from '@/config/paths.ts';
import { SignUpForm } from '@/features/auth/components/sign-up-form.tsx';
import { AuthCard } from '@/components/auth-card.tsx';

export function SignUpRoute() {
  const navigate = useNavigate();
  return (
    <AuthCard
      title="Create your channel"
      footer={
        <>
          Already have an account?{' '}
          <Link className="font-semibold text-accent-400 hover:underline" to={paths.signIn.to()}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm onSignedUp={() => navigate(paths.goLive.to())} />
    </AuthCard>
  );
}
