/** The chat feature's cache keys, from one factory: a change finds the entries it affects by the same names. */
export const chatKeys = {
  all: ['chat'] as const,
  mySettings: () => [...chatKeys.all, 'my-settings'] as const,
  moderators: (hostId: string) => [...chatKeys.all, 'moderators', hostId] as const,
};
