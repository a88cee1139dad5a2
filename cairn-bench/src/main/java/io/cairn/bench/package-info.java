/** Benchmarks that report Cairn's speed as ratios against a baseline measured in the same run. */
package io.cairn.bench;
