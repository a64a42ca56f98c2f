/** A tiny History-API router: real paths, so deep links work and the service worker serves the shell. */
function clean(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

let route = $state(clean(location.pathname));

addEventListener('popstate', () => {
  route = clean(location.pathname);
});

export function currentRoute(): string {
  return route;
}

export function navigate(path: string, replace = false): void {
  if (path !== location.pathname) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  route = clean(path);
  window.scrollTo(0, 0);
}
