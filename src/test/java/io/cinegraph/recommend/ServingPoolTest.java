package io.cinegraph.recommend;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serving pool runs work on its threads, queues the rest in order, and refuses work once its queue is full. */
class ServingPoolTest {

    @Test
    void queuesInOrderAndRefusesBeyondTheQueue() throws Exception {
        ServingPool pool = new ServingPool(1, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try {
            CompletionStage<String> first = pool.submit(() -> {
                running.countDown();
                await(release);
                return "first:" + Thread.currentThread().getName();
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            StringBuilder order = new StringBuilder();
            CompletionStage<Integer> second = pool.submit(() -> order.append('2').length());
            CompletionStage<Integer> third = pool.submit(() -> order.append('3').length());
            CompletionStage<Integer> refused = pool.submit(() -> 0);

            assertThatThrownBy(() -> refused.toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ServingPool.BusyException.class)
                    .hasMessageContaining("2 requests waiting");
            release.countDown();
            assertThat(first.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("first:cinegraph-serving-0");
            assertThat(second.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(third.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(order).hasToString("23");
        } finally {
            release.countDown();
            pool.close();
        }
    }

    @Test
    void aFailureOfTheWorkFailsItsAnswer() {
        ServingPool pool = new ServingPool(2, 10);
        try {
            CompletableFuture<Object> answer = pool.submit(() -> {
                throw new IllegalStateException("no such user");
            }).toCompletableFuture();
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("no such user");
        } finally {
            pool.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
