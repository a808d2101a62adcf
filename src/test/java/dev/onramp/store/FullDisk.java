package dev.onramp.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system over the real disk that stands in for one that fills up: after a chosen number
 * of further writes every write fails as the operating system says ENOSPC. It also notes each write
 * and sync of the database file, in order, so that a test can see whether a commit was synced.
 */
public final class FullDisk extends FilePathWrapper {
    static final String SCHEME = "fulldisk";
    /** What the operating system says; the words Onramp must recognise. */
    static final String ENOSPC = "No space left on device";

    private static final AtomicLong writesLeft = new AtomicLong(Long.MAX_VALUE);
    private static final List<String> events = new CopyOnWriteArrayList<>();

    static {
        FilePath.register(new FullDisk());
    }

    /** H2 makes one for each path it opens (by reflection, hence public). */
    public FullDisk() {}

    /** Registers the scheme (once) and makes the disk healthy again with no events noted. */
    static void healthy() {
        writesLeft.set(Long.MAX_VALUE);
        events.clear();
    }

    /** The disk takes {@code writes} more writes and fails every one after them. */
    static void fullAfter(long writes) {
        writesLeft.set(writes);
    }

    /** Notes an event of the test's own (such as "after-commit") among the disk's writes and syncs. */
    static void note(String event) {
        events.add(event);
    }

    /** The writes, syncs and the test's own events since the disk was last made healthy, in order. */
    static List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    /** A channel whose writes fail once the disk is full. */
    private static final class Channel extends FileBase {
        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            take();
            return file.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            take();
            return file.write(src, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            events.add("sync");
            file.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }

        private static void take() throws IOException {
            if (writesLeft.getAndDecrement() <= 0) {
                events.add("write failed");
                throw new IOException(ENOSPC);
            }
            events.add("write");
        }
    }
}
