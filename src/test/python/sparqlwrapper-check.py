# SPARQLWrapper's default requests (format=, output=, results= next to Accept) for every format it offers, against
# ENDPOINT; one line per query type and format, exit 1 if any fails. Run by ClientCompatibilityTest (mvn test) when
# python3 has SPARQLWrapper (.ci/run installs Debian's python3-sparqlwrapper and python3-rdflib-jsonld).
import sys
from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TSV, TURTLE, N3, RDF, RDFXML, JSONLD

ep = sys.argv[1]
country = "<https://w3id.org/diplokg/ontology#Country>"
cases = [
    ("SELECT ?c WHERE { ?c a %s } LIMIT 2" % country, [JSON, XML, CSV, TSV]),
    ("ASK { ?c a %s }" % country, [JSON, XML, CSV, TSV]),
    ("CONSTRUCT { ?c a %s } WHERE { ?c a %s } LIMIT 2" % (country, country), [XML, RDFXML, RDF, TURTLE, N3, JSONLD, JSON]),
    ("DESCRIBE ?c WHERE { ?c a %s } LIMIT 1" % country, [XML, RDFXML, RDF, TURTLE, N3, JSONLD, JSON]),
]
failed = 0
for query, formats in cases:
    for f in formats:
        try:
            s = SPARQLWrapper(ep)
            s.setQuery(query)
            s.setReturnFormat(f)
            r = s.query()
            result = r.convert()
            size = len(result) if hasattr(result, "__len__") else 1
            if size == 0:
                raise ValueError("empty result")
            print(query.split()[0], f, "OK", r.info().get("content-type"))
        except Exception as e:
            failed += 1
            print(query.split()[0], f, "FAIL", str(e).replace("\n", " ")[:200])
sys.exit(1 if failed else 0)
