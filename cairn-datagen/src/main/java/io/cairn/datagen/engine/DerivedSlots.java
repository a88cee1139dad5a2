package io.cairn.datagen.engine;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Slots of a stream whose records follow another stream's (a refund follows its order, a payment its
 * invoice). The child keeps the parent's index; children come out in time order through a queue that only
 * holds the children not yet due.
 */
public final class DerivedSlots implements Iterator<Slot> {
    /** Returned by the child-time function when a parent has no child. */
    public static final long NONE = Long.MIN_VALUE;

    private final Iterator<Slot> parents;
    private final ToLongFunction<Slot> childTime;
    private final Period period;
    private final PriorityQueue<Slot> due = new PriorityQueue<>(
            Comparator.comparingLong(Slot::time).thenComparingLong(Slot::index));
    private long lastParentTime = Long.MIN_VALUE;

    public DerivedSlots(Iterator<Slot> parents, Period period, ToLongFunction<Slot> childTime) {
        this.parents = requireNonNull(parents, "parents is null");
        this.period = requireNonNull(period, "period is null");
        this.childTime = requireNonNull(childTime, "childTime is null");
    }

    @Override
    public boolean hasNext() {
        while (parents.hasNext() && (due.isEmpty() || due.peek().time() > lastParentTime)) {
            Slot parent = parents.next();
            lastParentTime = Math.max(lastParentTime, parent.time());
            long time = childTime.applyAsLong(parent);
            if (time != NONE && period.dayOf(time) < period.days()) {
                due.add(new Slot(parent.index(), time, period.dayOf(time), parent.time()));
            }
        }
        return !due.isEmpty();
    }

    @Override
    public Slot next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return due.poll();
    }
}
