/**
 * The event form, with the schemas it checks a draft against as it is typed (zod, a third of the
 * page's script), is loaded when it is first opened: the page's first state does not wait for it.
 * A script that does not load (the web host stopped, the network dropped) is no error in drawing
 * the page: the page stays, `onNotLoaded` says why, and the next open loads it again.
 */
import { Component, lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import type { EventForm } from './EventForm';

/** The form's script could not be loaded: what the boundary below catches, and nothing else. */
class NotLoaded extends Error {}

const load = () =>
  import('./EventForm').then(
    ({ EventForm }) => ({ default: EventForm }),
    (error: unknown) => {
      throw new NotLoaded(error instanceof Error ? error.message : String(error));
    },
  );
// React keeps a lazy component's failure: after one, a new one loads it again.
let Loaded = lazy(load);

class Loading extends Component<{ children: ReactNode; onNotLoaded(error: Error): void }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    if (!(error instanceof NotLoaded)) return;
    Loaded = lazy(load);
    this.props.onNotLoaded(error);
  }

  override render() {
    const { error } = this.state;
    // Any other error is one in drawing the form: the page's own boundary shows it, as before.
    if (error && !(error instanceof NotLoaded)) throw error;
    return error ? null : this.props.children;
  }
}

export function LazyEventForm({ onNotLoaded, ...props }: ComponentProps<typeof EventForm> & { onNotLoaded(error: Error): void }) {
  return (
    <Loading onNotLoaded={onNotLoaded}>
      <Suspense>
        <Loaded {...props} />
      </Suspense>
    </Loading>
  );
}
