package org.diplokg.server;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterConcat;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.service.bulk.ServiceExecutorBulk;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.bulk.ChainingServiceExecutorBulk;
import org.apache.jena.sparql.service.enhancer.impl.ServiceOpts;
import org.apache.jena.sparql.service.enhancer.init.ServiceEnhancerConstants;
import org.apache.jena.sparql.service.enhancer.init.ServiceEnhancerInit;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Puts the {@link ServicePolicy} into ARQ's SERVICE executor chain of one dataset's context.
 * <p>
 * Two links, because SERVICE runs in two stages. The first bulk link sees the query's own SERVICE IRI while the
 * query plan is built, before any result is sent, so a refused call becomes a clean HTTP 422 naming the URL.
 * The first per-request link sits just before the HTTP executor, after the service enhancer has turned
 * {@code <loop:bulk+10:URL>} into batches for {@code URL}: it enforces the policy again (a {@code SERVICE ?var}
 * is only known here), reroutes the Wikidata Query Service in offline mode, and counts the requests sent.
 */
public final class GuardedServices {

    private final ServicePolicy policy;
    private final AtomicLong requests = new AtomicLong();

    public GuardedServices(ServicePolicy policy) {
        this.policy = policy;
    }

    /** Requests sent to SERVICE endpoints since the server started (each batch of bindings is one). */
    public long requestsSent() { return requests.get(); }

    public ServicePolicy policy() { return policy; }

    /** Installs the guard, the service enhancer's loop/bulk support, and switches SERVICE on for {@code cxt}. */
    public void install(Context cxt) {
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        registry.addBulkLink(checkAtPlanTime());
        registry.addSingleLink(routeEachRequest());
        ServiceExecutorRegistry.set(cxt, registry);
        cxt.set(ARQ.httpServiceAllowed, true);
        ServiceEnhancerInit.wrapOptimizer(cxt);
    }

    private ChainingServiceExecutorBulk checkAtPlanTime() {
        return (opService, input, execCxt, chain) -> {
            if (opService.getService().isVariable())
                return eachBoundService(opService, input, execCxt, chain);
            OpService target = ServiceOpts.getEffectiveService(opService).getTargetService();
            if (target.getService().isURI() && !isEnhancerSelf(target.getService()))
                policy.route(target.getService().getURI());
            return chain.createExecution(opService, input, execCxt);
        };
    }

    /**
     * {@code SERVICE ?var}: the service enhancer fails on a variable (a NullPointerException in Jena 5.6), so each
     * input binding's IRI is checked against the policy and substituted, and the call continues down the chain as
     * a SERVICE to that IRI.
     */
    private QueryIterator eachBoundService(OpService opService, QueryIterator input, ExecutionContext execCxt,
                                           ServiceExecutorBulk chain) {
        Var v = Var.alloc(opService.getService());
        QueryIterConcat all = new QueryIterConcat(execCxt);
        while (input.hasNext()) {
            Binding b = input.next();
            Node url = b.get(v);
            if (url == null || !url.isURI())
                throw new QueryDeniedException("SERVICE ?" + v.getVarName() + " refused: the variable is not bound to an IRI");
            policy.route(url.getURI());
            OpService bound = (OpService) Substitute.substitute(opService, b);
            all.add(chain.createExecution(bound, QueryIterSingleton.create(b, execCxt), execCxt));
        }
        input.close();
        return all;
    }

    private ChainingServiceExecutor routeEachRequest() {
        return (opExecute, opOriginal, binding, execCxt, chain) -> {
            Node service = opExecute.getService();
            if (!service.isURI() || isEnhancerSelf(service))
                return chain.createExecution(opExecute, opOriginal, binding, execCxt);
            String url = service.getURI();
            String routed = policy.route(url);
            requests.incrementAndGet();
            OpService op = routed.equals(url) ? opExecute
                    : new OpService(NodeFactory.createURI(routed), opExecute.getSubOp(), opExecute.getSilent());
            return chain.createExecution(op, opOriginal, binding, execCxt);
        };
    }

    private static boolean isEnhancerSelf(Node n) {
        return ServiceEnhancerConstants.SELF.equals(n) || n.getURI().startsWith(ServiceEnhancerConstants.SELF.getURI());
    }
}
