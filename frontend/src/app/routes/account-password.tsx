import { Link, useSearchParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { AuthCard } from '@/components/auth-card.tsx';
import { ForgotPasswordForm } from '@/features/account/components/forgot-password-form.tsx';
import { ResetPasswordForm } from '@/features/account/components/reset-password-form.tsx';

const backToSignIn = (
  <>
    Remembered it?{' '}
    <Link className="font-semibold text-accent-400 hover:underline" to={paths.signIn.to()}>
      Sign in
    </Link>
  </>
);

export function ForgotPasswordRoute() {
  return (
    <AuthCard title="Forgot your password?" footer={backToSignIn}>
      <title>Forgot password · Streamhouse</title>
      <ForgotPasswordForm />
    </AuthCard>
  );
}

/** The page a reset mail links to (`?token=`). */
export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <AuthCard title="Choose a new password" footer={backToSignIn}>
      <title>New password · Streamhouse</title>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="text-sm text-zinc-300">
          This page needs the link from your reset mail.{' '}
          <Link className="font-semibold text-accent-400 hover:underline" to={paths.forgotPassword.to()}>
            Ask for a link
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
