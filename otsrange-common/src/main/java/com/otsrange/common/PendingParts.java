package com.otsrange.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A unit that has part lines in the checkpoint but no commit yet ({@link FileParts}): the cut they
 * used (the latest line's; a unit is cut once per checkpoint, so older cuts only come from a bug)
 * and, per part, its latest line.
 */
public final class PendingParts {
    public final String unit;
    public final FileParts.Part cut;
    private final Map<Integer, PartLine> recorded;

    PendingParts(String unit, FileParts.Part cut, Map<Integer, PartLine> recorded) {
        this.unit = unit;
        this.cut = cut;
        this.recorded = Collections.unmodifiableMap(new TreeMap<>(recorded));
    }

    /** Recorded parts in part order. */
    public Map<Integer, PartLine> recorded() {
        return recorded;
    }

    /**
     * Parts still to read: not recorded, or recorded but whose part file is gone or has
     * another size than recorded (the writer checks the sha256 when it joins).
     */
    public List<FileParts.Part> missing(Path stateDir) {
        List<FileParts.Part> out = new ArrayList<>();
        for (int k = 0; k < cut.n; k++) {
            PartLine e = recorded.get(k);
            if (e == null || !partFileMatches(stateDir, e)) {
                out.add(cut.sibling(k));
            }
        }
        return out;
    }

    static boolean partFileMatches(Path stateDir, PartLine e) {
        if (e.file() == null) {
            return false;
        }
        Path f = stateDir.resolve(e.file());
        try {
            return Files.isRegularFile(f) && Files.size(f) == e.bytes();
        } catch (IOException ex) {
            return false;
        }
    }

    /**
     * Units of the checkpoint read in parts and not committed since, in the order their parts were
     * first recorded ({@link CheckpointSnapshot#pendingParts}).
     *
     * @param parts     the checkpoint's part lines in order
     * @param committed the units the checkpoint shows committed
     */
    static Map<String, PendingParts> of(List<PartLine> parts, Set<String> committed) {
        Map<String, List<PartLine>> byUnit = new LinkedHashMap<>();
        for (PartLine e : parts) {
            List<PartLine> l = byUnit.get(e.unit());
            if (l == null) {
                l = new ArrayList<>();
                byUnit.put(e.unit(), l);
            }
            l.add(e);
        }
        Map<String, PendingParts> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<PartLine>> u : byUnit.entrySet()) {
            if (committed.contains(u.getKey())) {
                continue;
            }
            List<PartLine> lines = u.getValue();
            FileParts.Part cut = lines.get(lines.size() - 1).part();
            Map<Integer, PartLine> latest = new TreeMap<>();
            for (PartLine e : lines) {
                if (e.part().sameCut(cut)) {
                    latest.put(e.part().k, e);
                }
            }
            out.put(u.getKey(), new PendingParts(u.getKey(), cut, latest));
        }
        return Collections.unmodifiableMap(out);
    }
}
