package com.otsrange.reader.scan;

/**
 * Whether the service serves BulkExport for one table, learnt once per job: until the first
 * answer, one request probes and the others wait for its outcome, so a refusing service sees one
 * refused request, not one per task or per request in flight.
 */
final class BulkExportProbe {
    private enum State { UNKNOWN, SERVED, REFUSED }

    private State state = State.UNKNOWN;
    private boolean probing;

    /** Waits while another request probes; true when this caller must probe (then call {@link #outcome}). */
    synchronized boolean mustProbe() throws InterruptedException {
        while (probing) {
            wait();
        }
        if (state != State.UNKNOWN) {
            return false;
        }
        probing = true;
        return true;
    }

    /** The probe's result: served, refused, or null = neither (an error): the next request probes again. */
    synchronized void outcome(Boolean served) {
        probing = false;
        if (served != null) {
            state = served ? State.SERVED : State.REFUSED;
        }
        notifyAll();
    }

    /** Records a refusal seen after the probe; true the first time. */
    synchronized boolean refuse() {
        boolean first = state != State.REFUSED;
        state = State.REFUSED;
        return first;
    }

    synchronized boolean refused() {
        return state == State.REFUSED;
    }
}
