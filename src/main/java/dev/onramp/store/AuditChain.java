package dev.onramp.store;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import dev.onramp.model.AuditEvent;
import dev.onramp.text.Text;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The audit log's HMAC chain: {@code mac = HMAC-SHA256(k_audit, prev_mac ‖ canonical entry)}, with
 * k_audit a Tink keyset kept encrypted in the {@code keyset} table.
 */
final class AuditChain {
    static final String KEYSET_ID = "audit-mac";
    /** The prev_mac of the first entry. */
    static final byte[] GENESIS = new byte[0];

    private static final byte[] DOMAIN = "onramp-audit-entry-v1".getBytes(StandardCharsets.UTF_8);

    private final Mac mac;

    AuditChain(Mac mac) {
        this.mac = mac;
    }

    static AuditChain open(KeysetStore keysets) {
        KeysetHandle keyset = keysets.loadOrCreate(KEYSET_ID, PredefinedMacParameters.HMAC_SHA256_256BITTAG);
        try {
            return new AuditChain(keyset.getPrimitive(keysets.tink(), Mac.class));
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.auditChain.keySetUp", e.getMessage()), e);
        }
    }

    /** The MAC of {@code entry} following an entry whose MAC is {@code prevMac}. */
    byte[] mac(byte[] prevMac, AuditEvent entry) {
        try {
            return mac.computeMac(canonical(prevMac, entry));
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.auditChain.seal", e.getMessage()), e);
        }
    }

    /** True when the stored row's MAC is the one k_audit gives for its prev_mac and its fields. */
    boolean matches(AuditRow row) {
        try {
            mac.verifyMac(row.mac(), canonical(row.prevMac(), row.event()));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Every field length-prefixed, so that no two different entries share an encoding (moving text from
     * the action into the resource changes the bytes), and the sequence number included, so that
     * reordering entries changes their MACs.
     */
    static byte[] canonical(byte[] prevMac, AuditEvent entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, DOMAIN);
        field(out, prevMac);
        field(out, Long.toString(entry.seq()));
        field(out, entry.tenantId().toString());
        field(out, entry.at().toString());
        field(out, entry.actor());
        field(out, entry.action());
        field(out, entry.resource());
        if (entry.details() == null) {
            out.writeBytes(length(-1));
        } else {
            field(out, entry.details());
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(length(value.length));
        out.writeBytes(value);
    }

    private static byte[] length(int length) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(length).array();
    }
}
