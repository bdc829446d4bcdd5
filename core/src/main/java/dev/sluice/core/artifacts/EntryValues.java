package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.sluice.core.parallel.InOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the values of a manifest section's entries, in order, each after the field name the writer put before it.
 * {@link #DIRECT} has each resource's serializer write to the generator; {@link #parallel} serializes the resources on
 * all cores a window at a time and copies the bytes in order (serializing is most of writing a large manifest, and a
 * byte generator copies a serialized value as it is). The file is the same either way.
 */
abstract class EntryValues {
    /** Serializes one resource to a generator. */
    interface Item<T> {
        void write(JsonGenerator out, T item) throws IOException;
    }

    /** The values of one section, consumed in entry order; each entry's resource is looked up by its id. */
    interface Section {
        /** Writes the next entry's field name, {@code id} (encoded on a worker, where there are workers). */
        void writeNextName(JsonGenerator out, String id) throws IOException;

        void writeNext(JsonGenerator out) throws IOException;
    }

    static final EntryValues DIRECT = new EntryValues() {
        @Override
        <T> Section section(List<String> ids, Function<String, ? extends T> items, Item<T> writer, int typicalBytes) {
            return new Section() {
                private int next;

                @Override
                public void writeNextName(JsonGenerator out, String id) throws IOException {
                    out.writeFieldName(id);
                }

                @Override
                public void writeNext(JsonGenerator out) throws IOException {
                    writer.write(out, items.apply(ids.get(next++)));
                }
            };
        }
    };

    /** Resources serialized by {@code files}' settings on {@code workers}; for byte generators only. */
    static EntryValues parallel(ArtifactFiles files, InOrder workers) {
        return new Parallel(files, workers);
    }

    abstract <T> Section section(List<String> ids, Function<String, ? extends T> items, Item<T> writer, int typicalBytes);

    <T> Section section(List<String> ids, Function<String, ? extends T> items, Item<T> writer) {
        return section(ids, items, writer, 2048);
    }

    private static final class Parallel extends EntryValues {
        /** Resources serialized ahead: enough to keep the cores busy, few enough to hold a few megabytes. */
        private static final int WINDOW = 2048;
        /** Resources one worker serializes with one generator into one buffer. */
        private static final int CHUNK = 32;

        private final ArtifactFiles files;
        private final InOrder workers;

        Parallel(ArtifactFiles files, InOrder workers) {
            this.files = files;
            this.workers = workers;
        }

        @Override
        <T> Section section(List<String> ids, Function<String, ? extends T> items, Item<T> writer, int typicalBytes) {
            return new Section() {
                private List<Serialized> window = List.of();
                private int from;
                private int next;

                @Override
                public void writeNextName(JsonGenerator out, String id) throws IOException {
                    out.writeFieldName(current().name());
                }

                @Override
                public void writeNext(JsonGenerator out) throws IOException {
                    out.writeRawValue(current().value());
                    next++;
                }

                private Serialized current() throws IOException {
                    if (next - from == window.size()) {
                        from = next;
                        window = window(ids.subList(from, Math.min(ids.size(), from + WINDOW)), items, writer,
                                typicalBytes);
                    }
                    return window.get(next - from);
                }
            };
        }

        /** The window's resources serialized on the workers, a chunk each at a time, in order. */
        private <T> List<Serialized> window(List<String> ids, Function<String, ? extends T> items, Item<T> writer,
                                            int typicalBytes) throws IOException {
            List<List<String>> chunks = new ArrayList<>();
            for (int start = 0; start < ids.size(); start += CHUNK) {
                chunks.add(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
            }
            List<Serialized> out = new ArrayList<>(ids.size());
            try {
                workers.map(chunks, chunk -> serialize(chunk, items, writer, typicalBytes)).forEach(out::addAll);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return out;
        }

        /** The chunk's resources through one generator, as slices of one buffer (no separator between them). */
        private <T> List<Serialized> serialize(List<String> chunk, Function<String, ? extends T> items, Item<T> writer,
                                            int typicalBytes) {
            Buffer bytes = new Buffer(chunk.size() * typicalBytes);
            int[] ends = new int[chunk.size()];
            try (JsonGenerator out = files.generator(bytes)) {
                out.setRootValueSeparator(null);
                for (int i = 0; i < ends.length; i++) {
                    writer.write(out, items.apply(chunk.get(i)));
                    // what reached the buffer plus what the generator holds: no flush per resource
                    ends[i] = bytes.size() + out.getOutputBuffered();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Serialized> out = new ArrayList<>(ends.length);
            for (int i = 0; i < ends.length; i++) {
                SerializedString name = new SerializedString(chunk.get(i));
                name.asQuotedUTF8(); // encoded here, so the one thread writing the file only copies it
                out.add(new Serialized(name, new RawJson(bytes.array(), i == 0 ? 0 : ends[i - 1], ends[i])));
            }
            return out;
        }
    }

    /** One entry as a worker left it: its field name and its value, both encoded. */
    private record Serialized(SerializedString name, RawJson value) {
    }

    /** A byte array output stream whose array can be shared without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }
}
