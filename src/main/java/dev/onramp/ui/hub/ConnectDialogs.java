package dev.onramp.ui.hub;

import dev.onramp.ui.connect.ConnectModel;
import dev.onramp.ui.credentials.CredentialsModel;

/** The two dialogs a tile's Connect can open: the hub's model chooses one, the hub's view opens it. */
interface ConnectDialogs {
    /** Opens the dialog that follows the provider's sign-in in the browser, for {@code tile}. */
    void openSignIn(ConnectModel model, TileModel tile);

    /** Opens the form for the provider's typed credentials, for {@code tile}. */
    void openCredentialsForm(CredentialsModel model, TileModel tile);
}
