package dev.onramp.store;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.onramp.text.Text;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The key wrapped by Windows' Data Protection API for this Windows user, in {@code keys/onramp.kek.dpapi}:
 * only this user, signed in, can unwrap it. Calls Crypt32's {@code CryptProtectData} and
 * {@code CryptUnprotectData} through the JDK's foreign function API. Onramp's CI runs on Linux, so this
 * class is tested there only for what does not need Windows (the blob layout, and that a missing Crypt32
 * means falling back to the key file); on Windows it is untested by CI.
 */
// Calling Windows' DPAPI is the native access this class is for; the jar's manifest enables it.
@SuppressWarnings("restricted")
final class DpapiKeyring implements SystemKeyring {
    /** {@code typedef struct { DWORD cbData; BYTE *pbData; } DATA_BLOB;} with the padding x64 puts in it. */
    static final StructLayout DATA_BLOB = MemoryLayout.structLayout(
            JAVA_INT.withName("cbData"), MemoryLayout.paddingLayout(4), ADDRESS.withName("pbData"));
    private static final VarHandle SIZE = DATA_BLOB.varHandle(MemoryLayout.PathElement.groupElement("cbData"));
    private static final VarHandle DATA = DATA_BLOB.varHandle(MemoryLayout.PathElement.groupElement("pbData"));
    /** Never show a dialog: Onramp may run without a desktop. */
    private static final int CRYPTPROTECT_UI_FORBIDDEN = 0x1;

    private final Path blob;
    private final byte[] entropy;

    DpapiKeyring(Path dataDir) {
        this.blob = dataDir.toAbsolutePath().resolve("keys").resolve("onramp.kek.dpapi");
        // Ties the wrapped key to this data folder: a blob copied into another folder does not unwrap there.
        this.entropy = ("onramp-kek|" + DataFolderId.of(dataDir)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void probe() {
        byte[] test = "onramp-probe".getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(unprotect(protect(test)), test)) {
            throw new KeyringUnavailableException(Text.of("store.keyring.dpapi.otherBytes"));
        }
    }

    @Override
    public Optional<byte[]> load() {
        if (!Files.exists(blob)) {
            return Optional.empty();
        }
        try {
            return Optional.of(unprotect(Files.readAllBytes(blob)));
        } catch (IOException e) {
            throw new StoreException(Text.of("store.file.read", blob, e.getMessage()), e);
        }
    }

    @Override
    public void save(byte[] secret) {
        try {
            FileKekStore.writeOwnerOnly(blob, protect(secret));
        } catch (IOException e) {
            throw new StoreException(Text.of("store.file.write", blob, e.getMessage()), e);
        }
    }

    @Override
    public boolean delete() {
        try {
            return Files.deleteIfExists(blob);
        } catch (IOException e) {
            throw new StoreException(Text.of("store.file.remove", blob, e.getMessage()), e);
        }
    }

    @Override
    public boolean insideDataFolder() {
        return true;
    }

    @Override
    public Text described() {
        return Text.of("store.keyStore.dpapi", blob.toString());
    }

    private byte[] protect(byte[] plain) {
        return call("CryptProtectData", plain);
    }

    private byte[] unprotect(byte[] wrapped) {
        return call("CryptUnprotectData", wrapped);
    }

    /** Both functions take (in, description, entropy, reserved, prompt, flags, out) and return a BOOL. */
    private byte[] call(String function, byte[] input) {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            SymbolLookup crypt32 = SymbolLookup.libraryLookup("Crypt32", arena);
            SymbolLookup kernel32 = SymbolLookup.libraryLookup("Kernel32", arena);
            MethodHandle crypt = linker.downcallHandle(crypt32.findOrThrow(function), FunctionDescriptor.of(JAVA_INT,
                    ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
            MethodHandle localFree = linker.downcallHandle(kernel32.findOrThrow("LocalFree"),
                    FunctionDescriptor.of(ADDRESS, ADDRESS));
            MemorySegment in = blob(arena, input);
            MemorySegment salt = blob(arena, entropy);
            MemorySegment out = arena.allocate(DATA_BLOB);
            int ok = (int) crypt.invokeExact(in, MemorySegment.NULL, salt, MemorySegment.NULL, MemorySegment.NULL,
                    CRYPTPROTECT_UI_FORBIDDEN, out);
            if (ok == 0) {
                throw new KeyringUnavailableException(Text.of("store.keyring.dpapi.refused", function));
            }
            try {
                return bytesOf(out);
            } finally {
                // The output buffer belongs to Windows' heap, not to the arena.
                MemorySegment unused = (MemorySegment) localFree.invokeExact((MemorySegment) DATA.get(out, 0L));
            }
        } catch (IllegalArgumentException | NoSuchElementException e) {
            throw new KeyringUnavailableException(Text.of("store.keyring.dpapi.notLoaded", String.valueOf(e.getMessage())),
                    e);
        } catch (KeyringUnavailableException e) {
            throw e;
        } catch (Throwable e) {
            throw new KeyringUnavailableException(Text.of("store.keyring.dpapi.failed", e.toString()), e);
        }
    }

    /** A DATA_BLOB in {@code arena} pointing at a copy of {@code bytes}. */
    static MemorySegment blob(Arena arena, byte[] bytes) {
        MemorySegment data = arena.allocateFrom(JAVA_BYTE, bytes);
        MemorySegment blob = arena.allocate(DATA_BLOB);
        SIZE.set(blob, 0L, bytes.length);
        DATA.set(blob, 0L, data);
        return blob;
    }

    /** The bytes a DATA_BLOB points at. */
    static byte[] bytesOf(MemorySegment blob) {
        return ((MemorySegment) DATA.get(blob, 0L)).reinterpret((int) SIZE.get(blob, 0L)).toArray(JAVA_BYTE);
    }
}
