import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';

export function HomeRoute() {
  return (
    <section className="mx-auto flex max-w-3xl flex-col items-center gap-6 px-6 py-20 text-center">
      <h1 className="text-4xl font-extrabold tracking-tight sm:text-5xl">
        Live streams with <span className="text-accent-400">sub-second</span> delay
      </h1>
      <p className="text-lg text-zinc-400">Go live from your browser or OBS, and talk with your chat in real time.</p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link to={paths.signUp.to()} className="rounded-lg bg-accent-600 px-5 py-3 font-semibold text-white hover:bg-accent-500">
          Start streaming
        </Link>
      </div>
    </section>
  );
}
