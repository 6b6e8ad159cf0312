package org.heraldcms.platform;

import java.util.List;

/** One page of a longer list; {@code number} counts from 1. */
public record Page<T>(List<T> items, int number, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages();
    }

    public long offset() {
        return offset(number, size);
    }

    public static long offset(int number, int size) {
        return (long) (number - 1) * size;
    }
}
