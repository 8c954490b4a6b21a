// The banner, and the buttons without a class of their own that lead to operations DiploKG does not offer.
(function () {
  function banner() {
    if (document.getElementById('diplokg-banner')) return;
    var b = document.createElement('div');
    b.id = 'diplokg-banner';
    b.innerHTML = '<b>DiploKG</b> — a knowledge graph of diplomacy · '
      + '<a href="#/dataset/kg/query">SPARQL query</a><a href="/ontology">ontology</a>'
      + '<a href="/.well-known/void">dataset description (VoID, DCAT)</a><a href="/kg/sparql">service description</a>'
      + '<span class="why">This endpoint is read-only: uploading, editing, removing and backing up datasets are not offered '
      + 'by this server, so those buttons are hidden. Example queries and the dkg:, dkgr:, wd:, wdt: prefixes are on the query page.</span>';
    document.body.insertBefore(b, document.body.firstChild);
  }
  var unsupported = ['edit', 'add data', 'remove', 'backup', 'manage', 'new dataset', 'tasks'];
  function tidy() {
    document.querySelectorAll('button, a.nav-link').forEach(function (el) {
      if (unsupported.indexOf(el.textContent.trim().toLowerCase()) >= 0) el.classList.add('diplokg-hidden');
    });
    document.querySelectorAll('.navbar-brand').forEach(function (a) {
      if (a.textContent.indexOf('DiploKG') < 0) a.insertAdjacentText('beforeend', ' · DiploKG');
    });
    document.querySelectorAll('h2').forEach(function (h) {
      if (h.textContent.trim() === 'Apache Jena Fuseki') h.textContent = 'DiploKG (Apache Jena Fuseki)';
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    banner();
    tidy();
    new MutationObserver(tidy).observe(document.body, { childList: true, subtree: true });
  });
})();
