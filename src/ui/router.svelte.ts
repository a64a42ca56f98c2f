/** A tiny History-API router: real paths, so deep links work and the service worker serves the shell. */
export const ROUTES = ['/', '/practice', '/settings'] as const;
export type Route = (typeof ROUTES)[number] | '/not-found';

function parse(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  return (ROUTES as readonly string[]).includes(clean) ? (clean as Route) : '/not-found';
}

let route = $state<Route>(parse(location.pathname));

addEventListener('popstate', () => {
  route = parse(location.pathname);
});

export function currentRoute(): Route {
  return route;
}

export function navigate(path: string, replace = false): void {
  if (path !== location.pathname) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  route = parse(path);
  window.scrollTo(0, 0);
}
