package io.remotebank.segmentation.internal;

import java.util.List;

/**
 * The syntax tree of a CEL expression (CEL language definition, "Syntax"), as {@link CelParser} reads
 * it and before {@link RuleCompiler} checks its types. Every node knows the character offset it starts
 * at, so that an error can point at the rule's column.
 */
final class CelSyntax {

    private CelSyntax() {}

    abstract static class Node {
        final int pos;

        Node(int pos) {
            this.pos = pos;
        }
    }

    /** A literal: a Long, Double, String or Boolean. */
    static final class Literal extends Node {
        final Object value;

        Literal(int pos, Object value) {
            super(pos);
            this.value = value;
        }
    }

    static final class Ident extends Node {
        final String name;

        Ident(int pos, String name) {
            super(pos);
            this.name = name;
        }
    }

    /** {@code operand.field} not followed by a call. */
    static final class Select extends Node {
        final Node operand;
        final String field;

        Select(int pos, Node operand, String field) {
            super(pos);
            this.operand = operand;
            this.field = field;
        }
    }

    /**
     * A call: a function {@code f(args)}, a method {@code target.f(args)}, or an operator, named as CEL
     * names them internally ({@code _+_}, {@code !_}, {@code -_}, {@code _?_:_}, {@code _[_]}, {@code
     * @in}, {@code _&&_}, {@code _||_}).
     */
    static final class Call extends Node {
        final String function;
        final Node target;
        final List<Node> args;

        Call(int pos, String function, Node target, List<Node> args) {
            super(pos);
            this.function = function;
            this.target = target;
            this.args = List.copyOf(args);
        }
    }

    static final class ListLiteral extends Node {
        final List<Node> elements;

        ListLiteral(int pos, List<Node> elements) {
            super(pos);
            this.elements = List.copyOf(elements);
        }
    }
}
