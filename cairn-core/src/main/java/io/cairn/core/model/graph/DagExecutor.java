package io.cairn.core.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.MDC;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Runs a selected subgraph with N threads: a node starts once all its selected ancestors are done; the
 * descendants of a node that failed are skipped while every other branch still runs.
 */
public final class DagExecutor {
    /** The work done per node. */
    public interface Task {
        /** Runs the node; false means it failed and its descendants must be skipped. */
        boolean run(String id);

        /** Records that the node was skipped because {@code cause} failed or was skipped. */
        void skip(String id, String cause);
    }

    private final Map<String, Set<String>> parents;
    private final Map<String, Set<String>> children = new LinkedHashMap<>();

    /**
     * Edges through unselected nodes are kept (transitively); {@code extraParents} adds ordering edges that are
     * not data dependencies, e.g. a model waiting for the tests of its parent in a build.
     */
    public DagExecutor(Dag dag, Set<String> selected, Map<String, Set<String>> extraParents) {
        this.parents = new LinkedHashMap<>();
        for (String id : selected) {
            Set<String> ps = nearestSelected(dag, id, selected);
            extraParents.getOrDefault(id, Set.of()).stream().filter(selected::contains).forEach(ps::add);
            parents.put(id, ps);
            children.put(id, new LinkedHashSet<>());
        }
        parents.forEach((id, ps) -> ps.forEach(p -> children.get(p).add(id)));
    }

    private static Set<String> nearestSelected(Dag dag, String id, Set<String> selected) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        Deque<String> todo = new ArrayDeque<>(dag.parents(id));
        while (!todo.isEmpty()) {
            String parent = todo.pop();
            if (!seen.add(parent)) {
                continue;
            }
            if (selected.contains(parent)) {
                out.add(parent);
            }
            else {
                todo.addAll(dag.parents(parent));
            }
        }
        return out;
    }

    /**
     * Runs every node; returns when all are done or skipped. With one thread the nodes run on the calling thread
     * (named {@code Thread-1} meanwhile, as a pool thread would be), in the order a one-thread pool would run them:
     * handing every node to another thread and waiting for it costs two thread wake-ups per node, which on a busy
     * machine add up to seconds.
     */
    public void execute(int threads, Task task) {
        if (threads <= 1) {
            Thread current = Thread.currentThread();
            String name = current.getName();
            current.setName("Thread-1");
            try {
                drive(new InlineService(task), task);
            }
            finally {
                current.setName(name);
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "Thread-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            drive(new PoolService(new ExecutorCompletionService<>(pool), task), task);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Where the driver hands ready nodes and takes finished ones from. */
    private interface Service {
        void submit(String id);

        Outcome take();
    }

    /** Runs each node when it is taken, first submitted first. */
    private record InlineService(Deque<String> queue, Task task) implements Service {
        InlineService(Task task) {
            this(new ArrayDeque<>(), task);
        }

        @Override
        public void submit(String id) {
            queue.add(id);
        }

        @Override
        public Outcome take() {
            String id = queue.remove();
            try {
                return new Outcome(id, runLogged(task, id, MDC.getCopyOfContextMap()), id);
            }
            catch (RuntimeException e) {
                throw new CairnException(ErrorCode.INTERNAL, e, "Cannot run graph: %s", e);
            }
        }
    }

    private record PoolService(ExecutorCompletionService<Outcome> service, Task task) implements Service {
        @Override
        public void submit(String id) {
            Map<String, String> caller = MDC.getCopyOfContextMap();
            service.submit(() -> new Outcome(id, runLogged(task, id, caller), id));
        }

        @Override
        public Outcome take() {
            try {
                Future<Outcome> future = service.take();
                return future.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CairnException(ErrorCode.INTERNAL, e, "Cannot run graph: interrupted");
            }
            catch (ExecutionException e) {
                throw new CairnException(ErrorCode.INTERNAL, e.getCause(), "Cannot run graph: %s", e.getCause());
            }
        }
    }

    /** Runs a node with the caller's MDC (tenant, run) and the node's name as {@code model} on its log lines. */
    private static boolean runLogged(Task task, String id, Map<String, String> caller) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.setContextMap(caller == null ? Map.of() : caller);
        MDC.put("model", id.substring(id.lastIndexOf('.') + 1));
        try {
            return task.run(id);
        }
        finally {
            MDC.setContextMap(before == null ? Map.of() : before);
        }
    }

    private void drive(Service service, Task task) {
        Map<String, Integer> waiting = new HashMap<>();
        parents.forEach((id, ps) -> waiting.put(id, ps.size()));
        Map<String, String> failedCause = new HashMap<>();
        int running = 0;
        List<String> ready = new ArrayList<>();
        waiting.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        ready.sort(null);
        for (String id : ready) {
            service.submit(id);
            running++;
        }
        while (running > 0) {
            Outcome outcome = service.take();
            running--;
            Deque<Outcome> settled = new ArrayDeque<>(List.of(outcome));
            while (!settled.isEmpty()) {
                Outcome done = settled.pop();
                for (String child : children.get(done.id)) {
                    if (!done.ok) {
                        failedCause.putIfAbsent(child, done.cause);
                    }
                    if (waiting.merge(child, -1, Integer::sum) == 0) {
                        String cause = failedCause.get(child);
                        if (cause != null) {
                            task.skip(child, cause);
                            settled.add(new Outcome(child, false, cause));
                        }
                        else {
                            service.submit(child);
                            running++;
                        }
                    }
                }
            }
        }
    }

    private record Outcome(String id, boolean ok, String cause) {}
}
