import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates {@code jfr print --stack-depth 64 --events jdk.ExecutionSample FILE} output: the
 * methods most often on top of the stack (self time), the methods most often anywhere on it
 * (inclusive time) and the sampled threads.
 *
 * Usage: HotFrames SAMPLES.txt [TOP] [ONLY]   (ONLY: keep samples with a frame containing this text)
 */
public final class HotFrames {
    public static void main(String[] a) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(a[0]), StandardCharsets.UTF_8);
        int top = a.length > 1 ? Integer.parseInt(a[1]) : 25;
        String only = a.length > 2 ? a[2] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        List<String> stack = null;
        String thread = "?";
        for (String raw : lines) {
            String l = raw.trim();
            if (l.startsWith("jdk.ExecutionSample")) {
                stack = null;
            } else if (l.startsWith("sampledThread = ")) {
                String name = l.substring("sampledThread = ".length());
                int paren = name.indexOf(" (");
                if (paren > 0) name = name.substring(0, paren);
                // pool threads differ only by number
                thread = name.replaceAll("[0-9]+", "N");
            } else if (l.startsWith("stackTrace = [")) {
                stack = new ArrayList<>();
            } else if (stack != null && l.equals("]")) {
                boolean keep = only == null || stack.stream().anyMatch(f -> f.contains(only));
                if (!stack.isEmpty() && keep) {
                    samples++;
                    threads.merge(thread, 1, Integer::sum);
                    self.merge(stack.get(0), 1, Integer::sum);
                    Set<String> seen = new HashSet<>(stack);
                    for (String f : seen) inclusive.merge(f, 1, Integer::sum);
                }
                stack = null;
            } else if (stack != null && !l.equals("...")) {
                int cut = l.indexOf("  line:");
                String frame = cut > 0 ? l.substring(0, cut) : l;
                stack.add(frame.trim());
            }
        }
        System.out.println("samples: " + samples);
        print("self (top of stack)", self, samples, top);
        print("inclusive (anywhere on the stack)", inclusive, samples, top);
        print("threads", threads, samples, 12);
    }

    static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title + ":");
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(top)
            .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getValue(), e.getKey());
        }
    }
}
