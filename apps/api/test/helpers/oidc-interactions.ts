import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

/**
 * The test provider's own login and consent pages, in place of oidc-provider's development ones
 * (those load a web font from the internet, and the tests reach nothing off this machine). A login
 * form that takes any password for a known account, and a consent form that grants what was asked.
 * The forms carry `name="prompt"` so that a scripted browser (SsoBrowser) can tell them apart.
 */
const PATH = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/;

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

/** Answers the interaction pages; false for any other request (the provider's own). */
export async function interactions(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const match = PATH.exec(new URL(req.url ?? '/', 'http://provider').pathname);
  if (!match) return false;
  const [, uid = '', step] = match;
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' && !step) {
    const html =
      details.prompt.name === 'login'
        ? page(
            'Sign in to the test provider',
            `<form method="post" action="/interaction/${escape(uid)}/login"><input type="hidden" name="prompt" value="login">` +
              '<label>Login <input name="login" autocomplete="username"></label> ' +
              '<label>Password <input name="password" type="password"></label> <button type="submit">Sign in</button></form>',
          )
        : page(
            'Allow Bridgeboard?',
            `<form method="post" action="/interaction/${escape(uid)}/confirm"><input type="hidden" name="prompt" value="consent">` +
              '<button type="submit">Continue</button></form>',
          );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return true;
  }
  if (req.method === 'POST' && step === 'login') {
    const login = (await formOf(req)).get('login') ?? '';
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    return true;
  }
  if (req.method === 'POST' && step === 'confirm') {
    await formOf(req);
    const { prompt, params, session } = details;
    const grant = new provider.Grant({ accountId: session?.accountId ?? '', clientId: String(params.client_id) });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return true;
  }
  res.writeHead(405).end();
  return true;
}
