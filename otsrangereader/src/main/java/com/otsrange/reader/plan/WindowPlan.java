package com.otsrange.reader.plan;

import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.WindowLedger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Incremental mode in a plan: the ledger's decision for this run's window (the same the writer
 * Job's prepare made) and the committed windows, for the plan command's per-unit watermark.
 */
public final class WindowPlan {
    private final WindowLedger.Decision decision;
    private final List<TimeWindow> committed;
    private final Long watermark;
    private final SortKeyLiteral literal;
    private final Restatement restatement;

    public WindowPlan(WindowLedger.Decision decision, List<TimeWindow> committed, Long watermark, SortKeyLiteral literal) {
        this(decision, committed, watermark, literal, null);
    }

    /** @param restatement what the run restates (changes other than ignore), or null */
    public WindowPlan(WindowLedger.Decision decision, List<TimeWindow> committed, Long watermark, SortKeyLiteral literal,
                      Restatement restatement) {
        this.decision = decision;
        this.committed = Collections.unmodifiableList(new ArrayList<>(committed));
        this.watermark = watermark;
        this.literal = literal;
        this.restatement = restatement;
    }

    /** The same plan with what the run restates. */
    public WindowPlan with(Restatement r) {
        return new WindowPlan(decision, committed, watermark, literal, r);
    }

    /** What the run restates ({@code changes} other than ignore), or null. */
    public Restatement restatement() {
        return restatement;
    }

    public WindowLedger.Decision decision() {
        return decision;
    }

    /** Done windows, joined. */
    public List<TimeWindow> committed() {
        return committed;
    }

    /** End of the latest done window, or null. */
    public Long watermark() {
        return watermark;
    }

    public SortKeyLiteral literal() {
        return literal;
    }
}
