package io.cinegraph.ranker;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranker configurations derived from another one: a tuning trial's or a profile's settings over the application's
 * (or a test's) configuration. Settings are named as in {@code application.properties} without the
 * {@code cinegraph.ranker.} prefix ({@code ease-lambda}); an unknown name or a value of the wrong type is refused
 * with the name and the reason.
 */
public final class RankerConfigs {

    public static final String PREFIX = "cinegraph.ranker.";
    /** Settings that say where models live or which profile is active: never part of a profile. */
    private static final java.util.Set<String> NOT_TUNABLE = java.util.Set.of("model-dir", "keep-models", "profile");

    private RankerConfigs() {
    }

    /** {@code base} with {@code settings} (short names) in place of its values, and {@code profile} as its profile name. */
    public static RankerConfig with(RankerConfig base, Map<String, String> settings, String profile) {
        Map<String, Object> values = new TreeMap<>();
        Map<String, Method> methods = methods();
        settings.forEach((key, text) -> {
            Method method = methods.get(key);
            if (method == null || NOT_TUNABLE.contains(key)) {
                throw new IllegalArgumentException("'" + PREFIX + key + "' is not a ranker setting a profile can hold; "
                        + "known: " + String.join(", ", settingNames()));
            }
            values.put(key, parse(key, text, method.getReturnType()));
        });
        values.put("profile", profile);
        InvocationHandler handler = (proxy, method, args) -> {
            Object value = values.get(kebab(method.getName()));
            if (value != null && (args == null || args.length == 0)) {
                return value;
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "RankerConfig" + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            try {
                return method.invoke(base, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (RankerConfig) Proxy.newProxyInstance(RankerConfig.class.getClassLoader(), new Class<?>[]{RankerConfig.class},
                handler);
    }

    /** The built-in value of each setting ({@code @WithDefault}), by short name. */
    public static Map<String, String> builtInDefaults() {
        Map<String, String> defaults = new TreeMap<>();
        methods().forEach((key, method) -> {
            io.smallrye.config.WithDefault d = method.getAnnotation(io.smallrye.config.WithDefault.class);
            if (d != null) {
                defaults.put(key, d.value());
            }
        });
        return defaults;
    }

    /** The names of the settings a profile may hold, sorted. */
    public static java.util.List<String> settingNames() {
        return methods().keySet().stream().filter(k -> !NOT_TUNABLE.contains(k)).sorted().toList();
    }

    /** The values of {@code keys} in {@code config}, as text. */
    public static Map<String, String> values(RankerConfig config, Iterable<String> keys) {
        Map<String, Method> methods = methods();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys) {
            Method method = methods.get(key);
            if (method == null) {
                throw new IllegalArgumentException("'" + PREFIX + key + "' is not a ranker setting");
            }
            try {
                values.put(key, String.valueOf(method.invoke(config)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not read " + key, e);
            }
        }
        return values;
    }

    private static Map<String, Method> methods() {
        Map<String, Method> methods = new TreeMap<>();
        for (Method m : RankerConfig.class.getMethods()) {
            if (!m.isDefault() && m.getParameterCount() == 0 && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                methods.put(kebab(m.getName()), m);
            }
        }
        return methods;
    }

    private static Object parse(String key, String text, Class<?> type) {
        String value = text.strip();
        try {
            if (type == int.class) {
                return Integer.parseInt(value);
            } else if (type == long.class) {
                return Long.parseLong(value);
            } else if (type == double.class) {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } else if (type == String.class) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + PREFIX + key + "' must be " + (type == double.class ? "a number" : "a whole number")
                    + ", got '" + text + "'");
        }
        throw new IllegalArgumentException("'" + PREFIX + key + "' has an unsupported type " + type.getSimpleName());
    }

    /** {@code easeLambda} → {@code ease-lambda}, as SmallRye Config names a mapping's members. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
