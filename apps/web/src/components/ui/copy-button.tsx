import { useEffect, useState } from 'react';
import { Button } from './button';

/**
 * Copies `text` and says so for a moment. The Clipboard API exists only in secure contexts (https or
 * localhost); elsewhere the button says it could not, and the text stays selectable on the page.
 */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    if (!window.isSecureContext) {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <Button onClick={copy} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select the text' : label}
    </Button>
  );
}
