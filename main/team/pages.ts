/**
 * The team server's own pages: signing in, and choosing a password through a one-time link. Plain
 * HTML forms, no script (they work before the app loads and under the strictest policy), posting
 * back to the same page.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const PAGE_CSS = `body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2433; background: #f6f6f4; }
main { max-width: 26rem; margin: 4rem auto; padding: 1.5rem 2rem 2rem; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.brand { color: #555; margin: 0 0 1.25rem; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: .45rem .55rem; margin-top: .25rem; border: 1px solid #767676; border-radius: 4px; }
.hint { color: #555; font-size: .9rem; margin: .3rem 0 0; }
.message { color: #a4000f; font-weight: 600; margin: 1rem 0 0; }
button { font: inherit; font-weight: 600; margin-top: 1.25rem; padding: .5rem 1.4rem; border: 0; border-radius: 4px; background: #b3202a; color: #fff; cursor: pointer; }
`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">${head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — Hustings</title>
<link rel="stylesheet" href="/team.css">
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p class="brand">Hustings team server</p>
${body}
</main>
</body>
</html>
`;
}

function message(text: string | undefined): string {
  return text ? `<p class="message" role="alert">${escape(text)}</p>` : '';
}

export function signInPage(opts: { name?: string; message?: string } = {}): string {
  return page(
    'Sign in',
    `<form method="post" action="/sign-in">
<label for="name">Name</label>
<input id="name" name="name" autocomplete="username" required value="${escape(opts.name ?? '')}"${opts.name ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${opts.name ? ' autofocus' : ''}>
${message(opts.message)}
<button type="submit">Sign in</button>
</form>
<p class="hint">No password yet, or forgotten it? Ask your team secretary for a sign-in link.</p>`,
  );
}

export function choosePasswordPage(opts: { link: string; name: string; purpose: 'invite' | 'reset'; message?: string }): string {
  const intro =
    opts.purpose === 'invite'
      ? `Welcome, ${escape(opts.name)}. Choose the password you will sign in with.`
      : `${escape(opts.name)}, choose a new password to sign in with.`;
  return page(
    opts.purpose === 'invite' ? 'Choose your password' : 'Choose a new password',
    `<p>${intro}</p>
<form method="post" action="/welcome">
<input type="hidden" name="link" value="${escape(opts.link)}">
<input type="hidden" name="username" autocomplete="username" value="${escape(opts.name)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required autofocus>
<p class="hint">At least 10 characters: a few words together are easy to remember and hard to guess.</p>
<label for="repeat">The same password again</label>
<input id="repeat" name="repeat" type="password" autocomplete="new-password" required>
${message(opts.message)}
<button type="submit">Save and sign in</button>
</form>`,
  );
}

export function linkProblemPage(text: string): string {
  return page('This link does not open', `<p>${escape(text)}</p><p><a href="/sign-in">Sign in</a></p>`);
}

/**
 * Reached by a link from another site (the app on this computer's "Connect to a team"): the
 * browser sent no session cookie with it (SameSite=Strict), so this page asks again from here,
 * where it does — someone signed in goes straight to the app. No script: a refresh.
 */
export function fromElsewherePage(): string {
  return page('Opening the team server', '<p><a href="/sign-in">Continue</a></p>', '\n<meta http-equiv="refresh" content="0; url=/sign-in">');
}
