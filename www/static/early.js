// Runs before the first paint (a small classic script in <head>). A prerendered page shows
// the situation the build rendered: the city's defaults, in the build's month. Where the
// address asks for another (a share link's situation) or this month is not the build's,
// the page's figures are greyed, with a line saying why, until the engine has computed the
// right ones (main.js lifts it then). Nothing is fetched or sent.
(function () {
  var root = document.documentElement;
  var hash = location.hash.slice(1);
  var situation = hash.split("&").some(function (p) { return p.indexOf("=") > 0 && p.indexOf("lang=") !== 0; });
  var built = document.querySelector('meta[name="yibao-month"]');
  // This month in China (UTC+8), as the engine counts it.
  var now = new Date(Date.now() + 8 * 3600 * 1000);
  var month = now.getUTCFullYear() + "-" + ("0" + (now.getUTCMonth() + 1)).slice(-2);
  var reason = situation ? "link" : built && built.content !== month ? "month" : "";
  if (reason) {
    root.classList.add("pending", "pending-" + reason);
    if (/(^|&)lang=en(&|$)/.test(hash)) root.classList.add("pending-en");
  }
})();
