// The current route, from the address bar. Clicks on the app's own links change it without reloading the
// page (one listener for every <a href="/…">), and the back button works as usual.
import { useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './routes';

const CHANGED = 'wattdesk:route';

let moved = false;

/** True once the user went from one screen to another: the first screen of a visit keeps the focus alone. */
export function hasNavigated(): boolean {
  return moved;
}

function current(): Route {
  return parseRoute(window.location.pathname + window.location.search);
}

/** Opens a route or a path; `replace` keeps the back button from stepping through, e.g., every day browsed. */
export function navigate(to: Route | string, { replace = false } = {}): void {
  const href = typeof to === 'string' ? to : routeHref(to);
  moved = true;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGED));
}

function ownLink(e: MouseEvent): HTMLAnchorElement | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const link = (e.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return null;
  if (link.target && link.target !== '_self') return null;
  return link.origin === window.location.origin && link.getAttribute('href')?.startsWith('/') ? link : null;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    const back = () => {
      moved = true;
      update();
    };
    const click = (e: MouseEvent) => {
      const link = ownLink(e);
      if (!link) return;
      e.preventDefault();
      navigate(link.pathname + link.search);
    };
    window.addEventListener('popstate', back);
    window.addEventListener(CHANGED, update);
    document.addEventListener('click', click);
    return () => {
      window.removeEventListener('popstate', back);
      window.removeEventListener(CHANGED, update);
      document.removeEventListener('click', click);
    };
  }, []);
  return route;
}
