package io.cinegraph.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundLaneTest {

    @Test
    void piecesOfSeveralThreadsRunOneAtATime() throws Exception {
        BackgroundLane lane = new BackgroundLane(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 50; i++) {
                    lane.run(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        ran.incrementAndGet();
                        running.decrementAndGet();
                    });
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ran).hasValue(200);
        assertThat(most).hasValue(1);
    }

    @Test
    void afterAPieceTheLaneStaysClosedForThePauseItOwes() {
        // a share of a half: a piece that took at least 30 ms keeps the lane at least 30 ms more
        BackgroundLane lane = new BackgroundLane(0.5);
        long[] ended = new long[1];
        long started = System.nanoTime();
        assertThat(lane.run(() -> {
            sleep(30);
            ended[0] = System.nanoTime();
        })).isTrue();
        long[] next = new long[1];
        assertThat(lane.run(() -> next[0] = System.nanoTime())).isTrue();
        long piece = ended[0] - started;
        assertThat(piece).isGreaterThanOrEqualTo(30_000_000L);
        // the pause is computed from the piece's own time, measured inside the lane: at least 30 ms, minus a tick
        assertThat(next[0] - ended[0]).isGreaterThanOrEqualTo(29_000_000L);
    }

    @Test
    void aThreadInterruptedWhileWaitingDoesNotRunItsPiece() throws Exception {
        BackgroundLane lane = new BackgroundLane(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> lane.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        holding.await();
        AtomicInteger ran = new AtomicInteger();
        boolean[] answer = new boolean[1];
        boolean[] flagged = new boolean[1];
        Thread waiter = new Thread(() -> {
            answer[0] = lane.run(ran::incrementAndGet);
            flagged[0] = Thread.currentThread().isInterrupted();
        });
        waiter.start();
        waiter.interrupt();
        waiter.join();
        release.countDown();
        holder.join();
        assertThat(answer[0]).isFalse();
        assertThat(flagged[0]).isTrue();
        assertThat(ran).hasValue(0);
        assertThat(lane.run(ran::incrementAndGet)).isTrue();
        assertThat(ran).hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
