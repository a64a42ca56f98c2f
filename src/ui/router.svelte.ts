/** A tiny History-API router: real paths, so deep links work and the service worker serves the shell. */
function clean(path: string): string {
  // The route is the path alone; a query (?set=…, ?draft=…) is for the screen to read.
  return path.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/';
}

let route = $state(clean(location.pathname));

addEventListener('popstate', () => {
  route = clean(location.pathname);
});

export function currentRoute(): string {
  return route;
}

export function navigate(path: string, replace = false): void {
  if (path !== location.pathname + location.search) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  route = clean(path);
  window.scrollTo(0, 0);
}
