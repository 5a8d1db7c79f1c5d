import { create } from 'zustand';
import { persist } from 'zustand/middleware';

type PlayerPreferences = {
  volume: number;
  theatre: boolean;
  /** Watch live streams over HLS: a few seconds behind, far less data (LiveKit stops sending the host's media). */
  dataSaver: boolean;
  setVolume: (volume: number) => void;
  toggleTheatre: () => void;
  toggleDataSaver: () => void;
};

/** How the viewer likes the player; remembered across visits. */
export const usePlayerPreferences = create<PlayerPreferences>()(
  persist(
    (set) => ({
      volume: 0.8,
      theatre: false,
      dataSaver: false,
      setVolume: (volume) => set({ volume: Math.min(1, Math.max(0, volume)) }),
      toggleTheatre: () => set((state) => ({ theatre: !state.theatre })),
      toggleDataSaver: () => set((state) => ({ dataSaver: !state.dataSaver })),
    }),
    { name: 'streamhouse.player' },
  ),
);
