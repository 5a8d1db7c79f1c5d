/** The line under an auto-saving form: "Saving…", then what the save did (announced to screen readers). */
export function SaveStatus({ saving, status }: { saving: boolean; status: { tone: 'success' | 'error'; text: string } | null }) {
  return (
    <p
      role={status?.tone === 'error' ? 'alert' : 'status'}
      className={`min-h-5 pb-4 text-sm ${status?.tone === 'error' ? 'text-red-400' : 'text-emerald-400'}`}
    >
      {saving ? 'Saving…' : status?.text}
    </p>
  );
}
