import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { href, navigate } from '../lib/router';

/** A link to a console route: a real <a href> (opens in a new tab, copies), navigating in place on a plain click. */
export function Link({ to, children, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={href(to)} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
