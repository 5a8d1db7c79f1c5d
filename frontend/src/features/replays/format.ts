const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatRecordedAt = (iso: string) => dateFormat.format(new Date(iso));
