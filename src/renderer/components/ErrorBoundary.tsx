/** A render error shows what happened and how to recover; the window is never left blank. */
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fatal" role="alert">
        <h1>Something went wrong while drawing this view</h1>
        <p>{this.state.error.message}</p>
        <p>The log on disk is unchanged. Reload to try again.</p>
        <button onClick={() => window.location.reload()}>Reload</button>
      </div>
    );
  }
}
