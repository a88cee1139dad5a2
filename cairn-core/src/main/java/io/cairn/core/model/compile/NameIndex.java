package io.cairn.core.model.compile;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.model.render.RefCall;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** Finds the node a {@code ref}/{@code source} call names, or fails naming the file and line of the call. */
final class NameIndex {
    private final String project;
    private final Map<String, Node> byName = new HashMap<>();
    private final Map<String, Node> sources = new HashMap<>();

    NameIndex(String project, Collection<Node> nodes) {
        this.project = project;
        for (Node node : nodes) {
            if (node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED) {
                byName.put(node.name(), node);
            }
            else if (node.type() == ResourceType.SOURCE) {
                sources.put(node.source().sourceName() + "." + node.source().name(), node);
            }
        }
    }

    Node node(RefCall call) {
        return call.source() ? sources.get(call.first() + "." + call.second()) : byName.get(call.second());
    }

    String find(RefCall call, Node from) {
        if (!call.source() && call.first() != null && !call.first().equals(project)) {
            throw missing(call, from, "package '" + call.first() + "' is not this project; packages are not supported");
        }
        Node target = node(call);
        if (target == null) {
            throw missing(call, from, call.source() ? "no source table of that name is declared in a properties file"
                    : "no model or seed of that name exists");
        }
        return target.uniqueId();
    }

    private static CairnException missing(RefCall call, Node from, String reason) {
        return new CairnException(ErrorCode.CONFIG, "Cannot resolve %s in %s %s: %s line %d: %s", call.display(),
                from.type().key(), from.name(), from.path(), call.line(), reason);
    }
}
