package dev.sluice.core.manifest.cache;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Records looked up by key straight from their bytes: a sorted table of 64-bit key hashes with each record's place,
 * then the records. Finding one record reads a few table slots and that record alone, so a table of 20,000 models
 * costs nothing to open. Each record must name its own key, which the reader checks (hashes may collide).
 */
final class KeyedRecords {
    private final ByteBuffer table;
    private final int count;
    private final int dataStart;

    private KeyedRecords(ByteBuffer table) {
        this.table = table;
        if (table.remaining() < 4) {
            throw new CorruptCache("a keyed table cut short");
        }
        this.count = table.getInt(0);
        this.dataStart = 4 + count * 16;
        if (count < 0 || dataStart > table.limit()) {
            throw new CorruptCache("a keyed table cut short");
        }
    }

    static KeyedRecords of(byte[] bytes) {
        return new KeyedRecords(ByteBuffer.wrap(bytes));
    }

    /** The table's bytes for {@code records} (key -> record bytes). */
    static byte[] write(Map<String, byte[]> records) {
        int n = records.size();
        long[][] slots = new long[n][];
        int i = 0;
        int size = 0;
        byte[][] data = new byte[n][];
        for (Map.Entry<String, byte[]> entry : records.entrySet()) {
            data[i] = entry.getValue();
            slots[i] = new long[] {hash(entry.getKey()), size, data[i].length};
            size += data[i].length;
            i++;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(slots[a][0], slots[b][0]));
        ByteBuffer out = ByteBuffer.allocate(4 + n * 16 + size);
        out.putInt(n);
        for (int k : order) {
            out.putLong(slots[k][0]);
        }
        for (int k : order) {
            out.putInt((int) slots[k][1]);
            out.putInt((int) slots[k][2]);
        }
        for (byte[] record : data) {
            out.put(record);
        }
        return out.array();
    }

    int size() {
        return count;
    }

    /**
     * The record of {@code key} read by {@code decode}, or null; {@code keyOf} names the key a decoded record holds.
     */
    <T> T find(String key, Function<byte[], T> decode, Function<T, String> keyOf) {
        long wanted = hash(key);
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long at = hashAt(mid);
            if (at < wanted) {
                low = mid + 1;
            } else if (at > wanted) {
                high = mid - 1;
            } else {
                int first = mid;
                while (first > 0 && hashAt(first - 1) == wanted) {
                    first--;
                }
                for (int k = first; k < count && hashAt(k) == wanted; k++) {
                    T record = decode.apply(recordAt(k));
                    if (key.equals(keyOf.apply(record))) {
                        return record;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private long hashAt(int slot) {
        return table.getLong(4 + slot * 8);
    }

    private byte[] recordAt(int slot) {
        int place = 4 + count * 8 + slot * 8;
        int offset = table.getInt(place);
        int length = table.getInt(place + 4);
        if (offset < 0 || length < 0 || dataStart + (long) offset + length > table.limit()) {
            throw new CorruptCache("a keyed record out of range");
        }
        byte[] out = new byte[length];
        table.get(dataStart + offset, out);
        return out;
    }

    /** FNV-1a over the key's characters: stable across runs and JVMs, unlike String.hashCode's 32 bits. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
