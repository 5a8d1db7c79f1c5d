import { create } from 'zustand';
import { persist } from 'zustand/middleware';

type PlayerPreferences = {
  volume: number;
  theatre: boolean;
  setVolume: (volume: number) => void;
  toggleTheatre: () => void;
};

/** How the viewer likes the player; remembered across visits. */
export const usePlayerPreferences = create<PlayerPreferences>()(
  persist(
    (set) => ({
      volume: 0.8,
      theatre: false,
      setVolume: (volume) => set({ volume: Math.min(1, Math.max(0, volume)) }),
      toggleTheatre: () => set((state) => ({ theatre: !state.theatre })),
    }),
    { name: 'streamhouse.player' },
  ),
);
