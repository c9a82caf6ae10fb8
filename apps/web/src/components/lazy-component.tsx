import { lazy, Suspense, useState, type ComponentType } from 'react';

/**
 * A component whose code loads the first time it renders (inside a Suspense boundary), from a
 * module that exports it by name: `lazy` itself wants a default export. Issue 13: the initial
 * script holds only what the first paint needs.
 */
export const lazyComponent = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }));

/**
 * A dialog whose code loads the first time it is opened (`isOpen`) and then stays mounted, so it
 * closes the way it always did (the native <dialog>'s close, which gives focus back). Until its
 * code has come, nothing is drawn: the click that opened it shows the dialog a moment later.
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>, isOpen: (props: P) => boolean): ComponentType<P> {
  const Dialog = lazyComponent(load);
  return function LazyDialog(props: P) {
    const [opened, setOpened] = useState(false);
    // Set while rendering, the way React keeps state derived from props: https://react.dev/reference/react/useState#storing-information-from-previous-renders
    if (!opened && isOpen(props)) setOpened(true);
    return opened ? (
      <Suspense fallback={null}>
        <Dialog {...props} />
      </Suspense>
    ) : null;
  };
}
