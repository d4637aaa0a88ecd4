package io.remotebank.routing.internal;

import java.util.Arrays;

/**
 * The buckets an agent is eligible for on one channel, with its weight for each bucket's queue. Two
 * flat arrays rather than a list of pairs: an agent looking for work reads them for every bucket, and
 * at scale each object hop is a cache miss.
 */
final class Eligible {

    Bucket[] buckets = new Bucket[4];
    int[] weights = new int[4];
    int size;

    void add(Bucket bucket, int weight) {
        if (size == buckets.length) {
            buckets = Arrays.copyOf(buckets, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        buckets[size] = bucket;
        weights[size] = weight;
        size++;
    }

    void clear() {
        Arrays.fill(buckets, 0, size, null);
        size = 0;
    }
}
