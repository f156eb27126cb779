package io.cinegraph.support;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jboss.logging.Logger;

/**
 * A progress bar for long work: position, rate and ETA. On a terminal it redraws in place; elsewhere (CI,
 * logs, tests) it writes a line through the logging API every few seconds.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Progress.class);
    private static final int TERMINAL_REFRESH_MS = 250;
    private static final int LOG_REFRESH_MS = 5_000;
    private static final long KIB = 1 << 10;
    private static final long MIB = 1 << 20;
    /** Below this size a file is counted in KiB, so that its bar does not read 0/1 MiB. */
    private static final long SMALL_FILE = 16 * MIB;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar over {@code totalBytes} bytes of input, shown in MiB. */
    public static Progress bytes(String task, long totalBytes) {
        return totalBytes >= SMALL_FILE
                ? create(task, totalBytes, " MiB", MIB)
                : create(task, Math.max(totalBytes, 1), " KiB", KIB);
    }

    /** A bar over {@code total} items of {@code unit} (e.g. " users"). */
    public static Progress items(String task, long total, String unit) {
        return create(task, Math.max(total, 1), unit, 1);
    }

    private static Progress create(String task, long total, String unit, long unitSize) {
        boolean terminal = System.console() != null;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setMaxRenderedLength(120);
        if (terminal) {
            builder.setUpdateIntervalMillis(TERMINAL_REFRESH_MS);
        } else {
            builder.setUpdateIntervalMillis(LOG_REFRESH_MS)
                    .setConsumer(new DelegatingProgressBarConsumer(LOG::info, 120));
        }
        return new Progress(builder.build());
    }

    public void stepTo(long position) {
        bar.stepTo(Math.min(position, bar.getMax()));
    }

    public void step() {
        bar.step();
    }

    /** Extra text after the bar, e.g. a row count and rows per second. */
    public void message(String text) {
        bar.setExtraMessage(text == null || text.isEmpty() || text.startsWith(" ") ? text : " " + text);
    }

    /** Ends the work where it is, short of the total (the final state then shows the position reached and why). */
    public void stopEarly(String why) {
        bar.maxHint(bar.getCurrent());
        message(why);
    }

    /** Marks the work complete and prints the final state. */
    @Override
    public void close() {
        bar.stepTo(bar.getMax());
        bar.close();
    }
}
