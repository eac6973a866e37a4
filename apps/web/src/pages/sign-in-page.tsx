import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ProblemNotice } from '../components/problem-notice';
import type { Problem } from '../lib/api-types';

/** Sign-in with an access token (the embedded default's users file; `npm start` prints the demo tokens). */
export function SignInPage({ onSignIn, initialProblem }: { onSignIn: (token: string) => Promise<Problem | undefined>; initialProblem?: Problem }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(initialProblem);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = 'Sign in — Switchboard';
    input.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') {
      setProblem({ statusCode: 400, error: 'InvalidRequest', message: '', problems: [{ field: 'Access token', message: 'is required' }] });
      return;
    }
    setBusy(true);
    setProblem(await onSignIn(token.trim()));
    setBusy(false);
  };

  return (
    <main className="page narrow sign-in" id="main">
      <h1>Switchboard console</h1>
      <p>Constituent services: department queues, ticket histories and completion metrics.</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="token">Access token</label>
          <input
            ref={input}
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby="token-hint"
          />
          <p className="hint" id="token-hint">
            The token your administrator gave you. On the demo city, <code>npm start</code> prints one per demo user.
          </p>
        </div>
        <ProblemNotice problem={problem} action="sign in" />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
