package io.cairn.core.model.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cairn.core.model.project.NodeConfig;

import static org.assertj.core.api.Assertions.assertThat;

class DagExecutorTest {
    private static Node model(String name, String... parents) {
        List<String> ids = java.util.Arrays.stream(parents).map(p -> "model.p." + p).toList();
        return new Node("model.p." + name, ResourceType.MODEL, name, "models/" + name + ".sql", List.of("p", name),
                "select 1", NodeConfig.empty(), ids, Map.of(), "main", name, null, null, null);
    }

    /** a -> b -> d, a -> c -> d, e alone; b fails. */
    private static final Dag DAG = new Dag(List.of(model("a"), model("b", "a"), model("c", "a"), model("d", "b", "c"),
            model("e")));

    /** Runs the DAG, recording "name@thread" per run and "name<-cause" per skip. */
    private static List<String> execute(int threads) {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Set<String> all = new LinkedHashSet<>(DAG.nodes().keySet());
        new DagExecutor(DAG, all, Map.of()).execute(threads, new DagExecutor.Task() {
            @Override
            public boolean run(String id) {
                events.add(DAG.node(id).name() + "@" + Thread.currentThread().getName());
                return !id.endsWith(".b");
            }

            @Override
            public void skip(String id, String cause) {
                events.add(DAG.node(id).name() + "<-" + DAG.node(cause).name());
            }
        });
        return events;
    }

    @Test
    void oneThreadRunsOnTheCallerInTheOrderOfAOneThreadPool() {
        String caller = Thread.currentThread().getName();

        List<String> inline = execute(1);

        assertThat(inline).containsExactly("a@Thread-1", "e@Thread-1", "b@Thread-1", "c@Thread-1", "d<-b");
        assertThat(Thread.currentThread().getName()).as("the caller's name is restored").isEqualTo(caller);
    }

    @Test
    void severalThreadsRunEveryNodeOnceAndSkipTheFailedBranch() {
        List<String> pooled = execute(3);

        assertThat(pooled).hasSize(5).contains("d<-b")
                .anyMatch(e -> e.startsWith("a@Thread-")).anyMatch(e -> e.startsWith("e@Thread-"))
                .anyMatch(e -> e.startsWith("b@Thread-")).anyMatch(e -> e.startsWith("c@Thread-"));
        assertThat(pooled.indexOf("d<-b")).isGreaterThan(pooled.stream().filter(e -> e.startsWith("b@")).findFirst()
                .map(pooled::indexOf).orElseThrow());
    }
}
