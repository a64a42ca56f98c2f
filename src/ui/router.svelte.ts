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

export interface NavigateOptions {
  replace?: boolean;
  /**
   * Plain data for the next screen (e.g. the items of a "difficult words" session). It travels in
   * the history entry, so Back and a reload give the screen the same data.
   */
  state?: unknown;
}

export function navigate(path: string, options: NavigateOptions = {}): void {
  const state = options.state ?? null;
  if (path !== location.pathname + location.search || options.state !== undefined) {
    if (options.replace) history.replaceState(state, '', path);
    else history.pushState(state, '', path);
  }
  route = clean(path);
  window.scrollTo(0, 0);
}

/** The data the current history entry was navigated to with (NavigateOptions.state). */
export function routeState(): unknown {
  return history.state;
}

/** The current URL's query parameter, for screens that take one (?set=…, ?draft=…). */
export function routeParam(name: string): string | undefined {
  // Read once per call from the URL; not state (the route itself is).

  return new URLSearchParams(location.search).get(name) || undefined;
}

/** An in-app link: plain clicks navigate without a reload; modified clicks (new tab) keep the browser's behaviour. */
export function followLink(event: MouseEvent, path: string): void {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(path);
}
