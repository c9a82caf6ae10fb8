import { lazyComponent } from '../components/lazy-component';

/**
 * What a signed-in user sees (the router, the header, the routes; signed-in-app.tsx), loaded
 * beside the session check rather than with the app's entry, which needs none of it to ask who is
 * signed in and show the sign-in page (issue 13).
 */
export const signedInAppCode = () => import('./signed-in-app').then((m) => m.SignedInApp);

export const SignedInApp = lazyComponent(signedInAppCode);
