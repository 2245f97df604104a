/**
 * Runs `task` once the page has loaded and the main thread is idle; returns a cancel function.
 * For work the first view does not need (the service worker's precache, the offline bundle):
 * run during start-up, it competed with hydration and doubled the Total Blocking Time of `/`
 * in Lighthouse's mobile run on a 2-core host (bench/README.md, section 4).
 */
export function afterLoad(task: () => void): () => void {
  let idle: number | undefined;
  let timer: number | undefined;
  const whenIdle = () => {
    // Safari has no requestIdleCallback: a short delay after load stands in for it.
    if (typeof window.requestIdleCallback === "function") idle = window.requestIdleCallback(task, { timeout: 2000 });
    else timer = window.setTimeout(task, 200);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
  return () => {
    window.removeEventListener("load", whenIdle);
    if (idle !== undefined) window.cancelIdleCallback(idle);
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
