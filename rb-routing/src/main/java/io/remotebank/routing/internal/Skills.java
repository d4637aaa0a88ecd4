package io.remotebank.routing.internal;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The defined skills, each interned to a small integer so proficiency checks are array reads. */
final class Skills {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int define(String name) {
        Args.name(name, "skill");
        return ids.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    /** The id of a defined skill, or -1. */
    int idOrMinus(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    int require(String name, String context) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new RoutingException(RoutingError.UNKNOWN_SKILL, "unknown skill '" + name + "' in " + context);
        }
        return id;
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }

    List<String> all() {
        return List.copyOf(names);
    }
}
