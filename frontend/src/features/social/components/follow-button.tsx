import { useState } from 'react';
import { Button } from '@/components/button.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { follow, unfollow } from '../api/social-api.ts';

type FollowState = { following: boolean; followerCount: number };

/** Follow / Unfollow for a signed-in viewer; reports the server's answer so the page can update its counts. */
export function FollowButton({
  username,
  following,
  onChange,
}: {
  username: string;
  following: boolean;
  onChange: (state: FollowState) => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function handleClick() {
    setPending(true);
    setError(undefined);
    try {
      onChange(following ? await unfollow(username) : await follow(username));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant={following ? 'secondary' : 'primary'}
        loading={pending}
        aria-pressed={following}
        onClick={handleClick}
        className="min-w-28"
      >
        {following ? 'Following' : 'Follow'}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
