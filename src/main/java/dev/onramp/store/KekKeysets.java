package dev.onramp.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.onramp.text.Text;
import java.security.GeneralSecurityException;

/** Creates and opens the key-encryption key's Tink keyset, wherever its bytes are kept. */
final class KekKeysets {
    private KekKeysets() {}

    /** A new AES256_GCM keyset in Tink's binary form. */
    static byte[] generate() {
        try {
            Configuration tink = tink();
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, tink);
            return TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get(), tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.kek.generate", e.getMessage()), e);
        }
    }

    /**
     * The AEAD of {@code keyset}.
     *
     * @param where where the bytes came from, for the message when they are not a keyset
     */
    static Aead open(byte[] keyset, Text where) {
        try {
            Configuration tink = tink();
            return TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get(), tink)
                    .getPrimitive(tink, Aead.class);
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.kek.damaged", where), e);
        }
    }

    private static Configuration tink() throws GeneralSecurityException {
        AeadConfig.register();
        return RegistryConfiguration.get();
    }
}
