package io.gatehouse.server.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;

/**
 * The process and JVM basics, read from the platform MXBeans when scraped: nothing is kept or counted in between,
 * and nothing is loaded until the first scrape.
 */
final class ProcessMetrics {

    private ProcessMetrics() {}

    static void write(PrometheusText text) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            text.family("process_cpu_seconds_total", "counter", "CPU time the process has used, in seconds.");
            text.sample("process_cpu_seconds_total", "", sun.getProcessCpuTime() / 1e9);
        }
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            text.family("process_open_fds", "gauge", "Open file descriptors.");
            text.sample("process_open_fds", "", unix.getOpenFileDescriptorCount());
            text.family("process_max_fds", "gauge", "The most file descriptors the process may open.");
            text.sample("process_max_fds", "", unix.getMaxFileDescriptorCount());
        }
        text.family("process_start_time_seconds", "gauge", "When the process started, in seconds since the epoch.");
        text.sample("process_start_time_seconds", "", ManagementFactory.getRuntimeMXBean().getStartTime() / 1e3);

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        String heapArea = PrometheusText.labels("area", "heap");
        String nonHeapArea = PrometheusText.labels("area", "nonheap");
        text.family("jvm_memory_used_bytes", "gauge", "Memory in use, by area.");
        text.sample("jvm_memory_used_bytes", heapArea, heap.getUsed());
        text.sample("jvm_memory_used_bytes", nonHeapArea, nonHeap.getUsed());
        text.family("jvm_memory_committed_bytes", "gauge", "Memory the JVM holds from the operating system, by area.");
        text.sample("jvm_memory_committed_bytes", heapArea, heap.getCommitted());
        text.sample("jvm_memory_committed_bytes", nonHeapArea, nonHeap.getCommitted());
        if (heap.getMax() >= 0) {
            text.family("jvm_memory_max_bytes", "gauge", "The most memory the area may grow to.");
            text.sample("jvm_memory_max_bytes", heapArea, heap.getMax());
        }

        text.family("jvm_threads_current", "gauge", "Live threads, platform threads only.");
        text.sample("jvm_threads_current", "", ManagementFactory.getThreadMXBean().getThreadCount());
        text.family("jvm_classes_currently_loaded", "gauge", "Classes loaded now.");
        text.sample("jvm_classes_currently_loaded", "", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());

        text.family("jvm_gc_collections_total", "counter", "Garbage collections, by collector.");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            text.sample("jvm_gc_collections_total", PrometheusText.labels("gc", gc.getName()), gc.getCollectionCount());
        }
        text.family("jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection, by collector.");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            text.sample("jvm_gc_collection_seconds_total", PrometheusText.labels("gc", gc.getName()),
                    gc.getCollectionTime() / 1e3);
        }

        text.family("jvm_runtime_info", "gauge", "The Java runtime: version, vendor and name.");
        text.sample("jvm_runtime_info", PrometheusText.labels("version", System.getProperty("java.runtime.version", ""),
                "vendor", System.getProperty("java.vm.vendor", ""), "runtime", System.getProperty("java.runtime.name", "")),
                1);
    }
}
