/* global window, document */
// Stands in for https://apis.google.com/js/api.js, which this offline machine cannot reach: both the
// Firebase Auth SDK (in the page) and the Auth emulator's helper iframe load it for `gapi.iframes`,
// the request/reply channel between them. Only the calls those two make are here: named calls over
// postMessage, answered with `[result]`, queued until the other side has registered the name.
(function () {
  const TAG = "gapi-stand-in";

  // `ready`: whether the other side listens yet (a parent page does; a new iframe says when it does).
  function channel(target, isFromTarget, ready) {
    const handlers = new Map();
    const queued = [];
    const replies = new Map();
    let nextId = 0;
    const onReady = [];

    function answer(call) {
      const result = handlers.get(call.name)(call.data);
      target().postMessage({ tag: TAG, kind: "reply", id: call.id, result }, "*");
    }
    window.addEventListener("message", (event) => {
      const message = event.data;
      if (!message || message.tag !== TAG || !isFromTarget(event.source)) return;
      if (message.kind === "ready") {
        ready = true;
        onReady.splice(0).forEach((run) => run());
      } else if (message.kind === "call") {
        if (handlers.has(message.name)) answer(message);
        else queued.push(message);
      } else if (message.kind === "reply") {
        const callback = replies.get(message.id);
        replies.delete(message.id);
        callback?.([message.result]);
      }
    });
    return {
      whenReady: (run) => (ready ? run() : onReady.push(run)),
      announceReady: () => target().postMessage({ tag: TAG, kind: "ready" }, "*"),
      register(name, handler) {
        handlers.set(name, handler);
        queued.filter((call) => call.name === name).forEach(answer);
        queued.splice(0, queued.length, ...queued.filter((call) => call.name !== name));
      },
      send(name, data, callback) {
        const id = ++nextId;
        if (callback) replies.set(id, callback);
        this.whenReady(() => target().postMessage({ tag: TAG, kind: "call", name, data, id }, "*"));
      },
    };
  }

  // The SDK's side: an iframe it opens, usable once the iframe's page has announced itself.
  function openIframe(options, onOpened) {
    const frame = document.createElement("iframe");
    for (const [name, value] of Object.entries(options.attributes ?? {})) {
      if (name === "style") Object.assign(frame.style, value);
      else frame.setAttribute(name, value);
    }
    frame.src = options.url;
    const port = channel(
      () => frame.contentWindow,
      (source) => source === frame.contentWindow,
      false,
    );
    const iframe = {
      restyle: () => Promise.resolve(),
      ping: (callback) => new Promise((resolve) => port.whenReady(() => resolve(callback?.()))),
      register: (name, handler) => port.register(name, handler),
      send: (name, data, callback) => port.send(name, data, callback),
    };
    options.where.appendChild(frame);
    return Promise.resolve(onOpened(iframe));
  }

  // The helper iframe's side: its parent page.
  let parentIframe = null;
  function getParentIframe() {
    if (!parentIframe) {
      parentIframe = channel(
        () => window.parent,
        (source) => source === window.parent,
        true,
      );
      parentIframe.announceReady();
    }
    return parentIframe;
  }

  const iframes = {
    CROSS_ORIGIN_IFRAMES_FILTER: "cross-origin",
    Iframe: function Iframe() {},
    getContext: () => ({ open: openIframe, getParentIframe }),
  };
  window.gapi = { iframes, load: (_name, options) => options.callback() };

  const onload = new URL(document.currentScript.src).searchParams.get("onload");
  if (onload) window[onload]();
  else if (typeof window.gapi_onload === "function") window.gapi_onload();
})();
