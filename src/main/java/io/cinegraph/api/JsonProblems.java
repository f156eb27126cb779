package io.cinegraph.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.stream.Collectors;

/** What was wrong with a request body, as a field error a client can act on. */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem.FieldError describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new Problem.FieldError(path(u), "is not a field of this body" + known(u.getKnownPropertyIds()));
        }
        if (e instanceof InvalidFormatException f) {
            return new Problem.FieldError(path(f), "must be " + expected(f.getTargetType()) + ", got "
                    + quoted(f.getValue()));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            String what = m.getTargetType() == null ? "of another type" : expected(m.getTargetType());
            if (m.getMessage() != null && m.getMessage().contains("Trailing token")) {
                return new Problem.FieldError("body", "has something after its JSON value; send one JSON value");
            }
            return new Problem.FieldError(field, "must be " + what);
        }
        if (e instanceof JsonParseException p) {
            return new Problem.FieldError("body", "is not valid JSON (line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + "): " + p.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return new Problem.FieldError("body", "cannot be read: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    /** "ratings[2].rating"; "body" for the value as a whole. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String known(Collection<Object> ids) {
        return ids == null || ids.isEmpty() ? "" : "; its fields are " + ids.stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
