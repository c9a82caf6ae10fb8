import { Button } from './button';

/** A dialog form's last lines: the server's refusal if any, then Cancel and the submit button. */
export function FormFooter({
  error,
  pending,
  submit,
  onCancel,
}: {
  error: Error | null;
  pending: boolean;
  submit: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" tone="primary" disabled={pending}>
          {submit}
        </Button>
      </div>
    </>
  );
}
