/**
 * The fake `globalThis.__bridge` the preview injects into the Custom UI iframe before the bundle loads.
 *
 * Protocol (read from node_modules/@forge/bridge/out): every bridge API calls
 * `globalThis.__bridge.callBridge(command, payload)` and awaits the returned promise. `getCallBridge()`
 * runs when each @forge/bridge module is first evaluated, so `__bridge` must exist before the app's
 * bundle runs. Commands used by this app:
 *   invoke         { functionKey, payload, metadata? }  -> the resolver's return value
 *   getContext     -                                   -> the FullContext object
 *   enableTheming  -                                   -> host sets data-color-mode/data-theme + token CSS
 *   submit         gadget config                       -> falsy `false` means "not submittable"
 *   navigate       { url, type: 'same-tab'|'new-tab' } or { target, ..., type }
 *   createHistory  -                                   -> a `history` object: location of the project page's
 *                                                         subpage; push/replace load that subpage in the host
 *   getUrl, reload, open, close, refresh, changeWindowTitle, emit/on (accepted, mostly no-ops)
 * The script is plain ES2020 kept as text: it runs in the browser, not in Node, and the root tsconfig
 * has no DOM types. It is exercised end to end by test/browser/preview.test.ts.
 */
export const BRIDGE_SCRIPT = String.raw`(function () {
  'use strict';
  var frame = window.__METASCRUM_PREVIEW_FRAME__;
  var origin = window.location.origin;
  var themeEnabled = false;
  var THEME_IDS = 'dark:dark light:light spacing:spacing typography:typography shape:shape';

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = text ? JSON.parse(text) : undefined;
        if (!response.ok) throw new Error((json && json.message) || 'The preview host answered HTTP ' + response.status);
        return json;
      });
    });
  }

  function applyTheme(mode) {
    var html = document.documentElement;
    html.setAttribute('data-color-mode', mode);
    html.setAttribute('data-theme', THEME_IDS);
    html.style.colorScheme = mode;
  }

  /** Jira routes the app may navigate to, mapped onto the preview host's routes. */
  function hostPath(location) {
    if (typeof location === 'string') {
      var url = new URL(location, origin);
      var browse = /^\/browse\/([^/?#]+)/.exec(url.pathname);
      if (browse) return '/issue/' + browse[1];
      return url.origin === origin ? url.pathname + url.search : url.href;
    }
    switch (location && location.target) {
      case 'issue': return '/issue/' + encodeURIComponent(location.issueKey);
      case 'dashboard': return '/dashboard';
      case 'projectSettingsDetails': return '/project/' + encodeURIComponent(location.projectKey);
      case 'module':
        if (location.moduleKey === 'metascrum-admin') return '/admin';
        if (location.moduleKey === 'metascrum-cpo-gadget') return '/dashboard';
        return '/project/' + encodeURIComponent(location.projectKey || '');
      default: throw new Error('The preview host cannot navigate to ' + JSON.stringify(location));
    }
  }

  function tellHost(message) {
    message.localId = frame.localId;
    window.parent.postMessage(message, origin);
  }

  /** Jira's subpage URLs end in the route; the preview's are /project/<KEY>/<route>. */
  function subpagePath(to) {
    var route = String(typeof to === 'string' ? to : (to && to.pathname) || '').replace(/^\/+/, '');
    var project = frame.context.extension.project || {};
    return '/project/' + encodeURIComponent(project.key || '') + (route ? '/' + route : '');
  }

  function projectHistory() {
    var go = function (to) { window.top.location.assign(subpagePath(to)); };
    return {
      action: 'POP',
      location: { pathname: '/' + (frame.route || ''), search: '', hash: '', state: null, key: 'default' },
      push: go,
      replace: go,
      go: function () {},
      back: function () { window.top.history.back(); },
      forward: function () { window.top.history.forward(); },
      listen: function () { return function () {}; },
      block: function () { return function () {}; },
      createHref: function (to) { return subpagePath(to); },
    };
  }

  var commands = {
    createHistory: projectHistory,
    getContext: function () { return JSON.parse(JSON.stringify(frame.context)); },
    invoke: function (call) {
      return post('/__preview/invoke', { localId: frame.localId, functionKey: call.functionKey, payload: call.payload })
        .then(function (reply) { return reply.result; });
    },
    enableTheming: function () {
      themeEnabled = true;
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__preview/theme.css';
      document.head.appendChild(link);
      applyTheme(frame.context.theme.colorMode);
    },
    submit: function (payload) {
      return post('/__preview/submit', { localId: frame.localId, payload: payload }).then(function () {
        tellHost({ type: 'metascrum-preview:submitted' });
        return true;
      });
    },
    navigate: function (location) {
      var path = hostPath(location);
      if (location.type === 'new-tab') window.open(path, '_blank', 'noopener');
      else window.top.location.assign(path);
    },
    getUrl: function (location) { return new URL(hostPath(location), origin).href; },
    reload: function () { window.top.location.reload(); },
    open: function () { return false; },
    close: function () { return false; },
    refresh: function () { window.location.reload(); return true; },
    changeWindowTitle: function (title) { tellHost({ type: 'metascrum-preview:title', title: String(title) }); },
    emit: function () {},
    emitPublic: function () {},
    on: function () { return { unsubscribe: function () {} }; },
    onPublic: function () { return { unsubscribe: function () {} }; },
  };

  window.__bridge = {
    callBridge: function (command, payload) {
      var handler = commands[command];
      if (!handler) {
        return Promise.reject(new Error('The MetaScrum preview host does not emulate bridge command "' + command + '"'));
      }
      try {
        return Promise.resolve(handler(payload));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };

  // Jira sizes Custom UI iframes to their content; report the height so the host can do the same.
  // The app's root is observed, not <html>: css-reset gives <html> the iframe's height, not the content's.
  function observeContentHeight() {
    var content = document.getElementById('root') || document.body;
    new ResizeObserver(function () {
      tellHost({ type: 'metascrum-preview:height', height: Math.ceil(content.getBoundingClientRect().bottom) + 16 });
    }).observe(content);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observeContentHeight);
  else observeContentHeight();
})();
`;
