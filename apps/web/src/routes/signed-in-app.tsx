import { BrowserRouter } from 'react-router';
import { SignedInRoutes } from './signed-in-routes';

/**
 * What a signed-in user sees: the router and its pages. Loaded beside the session check (main.tsx)
 * rather than with the app's entry, which needs neither to ask who is signed in and show the
 * sign-in page (issue 13). The address is the browser's: a deep link opened while signed out
 * is still there for the router once the user has signed in.
 */
export function SignedInApp() {
  return (
    <BrowserRouter>
      <SignedInRoutes />
    </BrowserRouter>
  );
}
