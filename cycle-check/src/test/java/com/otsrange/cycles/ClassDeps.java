package com.otsrange.cycles;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which classes of one compiled module refer to which others of the same module, read from the
 * class files' constant pools: class entries and every type named in a descriptor or generic
 * signature (fields, methods, annotations, lambdas). Nested classes count as their top-level
 * class. Reading another class's compile-time constant counts too: javac (9 and later) copies the
 * value but also records the class it came from.
 */
final class ClassDeps {
    /** A type in a descriptor or signature: {@code Lcom/x/Y;} or {@code Lcom/x/Y<...>;}. */
    private static final Pattern TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassDeps() {
    }

    /** Top-level class name (dots) -> the module's other top-level classes it refers to. */
    static Map<String, Set<String>> of(Path classesDir) throws IOException {
        Map<String, Set<String>> raw = new TreeMap<>();
        if (!Files.isDirectory(classesDir)) {
            return raw;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            files = walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class")
                    && !p.getFileName().toString().equals("package-info.class")).collect(Collectors.toList());
        }
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                List<String> names = read(new DataInputStream(in));
                String self = topLevel(names.get(0));
                Set<String> refs = raw.computeIfAbsent(self, k -> new TreeSet<>());
                for (String n : names.subList(1, names.size())) {
                    refs.add(topLevel(n));
                }
            }
        }
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : raw.entrySet()) {
            Set<String> inModule = new TreeSet<>();
            for (String r : e.getValue()) {
                if (raw.containsKey(r) && !r.equals(e.getKey())) {
                    inModule.add(r);
                }
            }
            deps.put(e.getKey(), inModule);
        }
        return deps;
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String topLevel(String internalName) {
        String dotted = internalName.replace('/', '.');
        int dollar = dotted.indexOf('$', dotted.lastIndexOf('.') + 1);
        return dollar < 0 ? dotted : dotted.substring(0, dollar);
    }

    /** This class's internal name first, then every internal name it refers to. */
    private static List<String> read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        // Utf8 entries that are string literals, not names or descriptors
        BitSet literals = new BitSet(count);
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1:
                    utf8[i] = in.readUTF();
                    break;
                case 7:
                    classNameIndex[i] = in.readUnsignedShort();
                    break;
                case 8:
                    literals.set(in.readUnsignedShort());
                    break;
                case 16: case 19: case 20:
                    in.readUnsignedShort();
                    break;
                case 15:
                    in.skipBytes(3);
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    in.skipBytes(4);
                    break;
                case 5: case 6:
                    in.skipBytes(8);
                    i++; // takes two entries
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort();
        List<String> names = new ArrayList<>();
        names.add(utf8[classNameIndex[in.readUnsignedShort()]]);
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                String n = utf8[classNameIndex[i]];
                // an array class is named by its descriptor
                addTypes(n.startsWith("[") ? n : "L" + n + ";", names);
            } else if (utf8[i] != null && !literals.get(i)) {
                addTypes(utf8[i], names);
            }
        }
        return names;
    }

    private static void addTypes(String descriptor, List<String> into) {
        Matcher m = TYPE.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
