package org.diplokg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.diplokg.UserException;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query (a .rq file or the query text) against the local data or a remote endpoint.")
final class QueryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUERY", description = "A file holding the query, or the query itself.")
    String queryArg;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Remote SPARQL endpoint; the local data when absent.")
    String endpoint;

    @Option(names = {"-f", "--format"}, defaultValue = "table",
            description = "SELECT/ASK: table, csv, tsv, json, xml. CONSTRUCT/DESCRIBE: turtle, ntriples, jsonld, rdfxml "
                    + "(table means turtle for graphs). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        Query query = parse();
        try (QueryExecution qe = open(query)) {
            OutputStream out = System.out;
            if (query.isSelectType())
                writeResults(qe.execSelect(), out);
            else if (query.isAskType())
                writeAsk(qe.execAsk(), out);
            else
                writeGraph(query.isConstructType() ? qe.execConstruct() : qe.execDescribe(), out);
            System.out.flush();
        } catch (QueryException e) {
            throw new UserException(source() + ": query failed: " + UserException.oneLine(e.getMessage()), e);
        }
        return 0;
    }

    private Query parse() {
        String text = queryText();
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new UserException(source() + ": " + UserException.oneLine(e.getMessage()), e);
        }
    }

    private String queryText() {
        Path file = Path.of(queryArg.length() < 4096 && !queryArg.contains("\n") ? queryArg : ".");
        if (Files.isRegularFile(file)) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        if (queryArg.endsWith(".rq") || queryArg.endsWith(".sparql"))
            throw new UserException(queryArg + ": no such file");
        return queryArg;
    }

    private String source() {
        return Files.isRegularFile(Path.of(queryArg.contains("\n") ? "." : queryArg)) ? queryArg : "query";
    }

    private QueryExecution open(Query query) {
        if (endpoint != null)
            return QueryExecutionHTTP.service(endpoint).query(query).build();
        var view = KgDataset.queryView(KgDataset.loadInMemory(ProjectLayout.fromEnvironment()));
        return QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(view)).query(query).build();
    }

    private void writeResults(ResultSet rs, OutputStream out) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> ResultSetFormatter.out(out, rs);
            case "csv" -> ResultSetFormatter.outputAsCSV(out, rs);
            case "tsv" -> ResultSetFormatter.outputAsTSV(out, rs);
            case "json" -> ResultSetFormatter.outputAsJSON(out, rs);
            case "xml" -> ResultSetFormatter.outputAsXML(out, rs);
            default -> throw new UserException("--format " + format + " is not a result format (table, csv, tsv, json, xml)");
        }
    }

    private void writeAsk(boolean answer, OutputStream out) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> System.out.println(answer);
            case "csv" -> ResultSetFormatter.outputAsCSV(out, answer);
            case "tsv" -> ResultSetFormatter.outputAsTSV(out, answer);
            case "json" -> ResultSetFormatter.outputAsJSON(out, answer);
            case "xml" -> ResultSetFormatter.outputAsXML(out, answer);
            default -> throw new UserException("--format " + format + " is not a result format (table, csv, tsv, json, xml)");
        }
    }

    private void writeGraph(Model m, OutputStream out) {
        String f = format.equalsIgnoreCase("table") ? "turtle" : format;
        Lang lang = RDFLanguages.shortnameToLang(f);
        if (lang == null || !RDFLanguages.isTriples(lang)) // JSON-LD is both a triples and a quads syntax
            throw new UserException("--format " + format + " is not a graph format (turtle, ntriples, jsonld, rdfxml)");
        RDFDataMgr.write(out, m, lang);
    }
}
