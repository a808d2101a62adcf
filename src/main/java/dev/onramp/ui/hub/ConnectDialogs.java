package dev.onramp.ui.hub;

import dev.onramp.ui.connect.ConnectModel;
import dev.onramp.ui.credentials.CredentialsModel;

/** The two dialogs a tile's Connect can open: the hub's model chooses one, the hub's view opens it. */
interface ConnectDialogs {
    /** Opens the dialog that follows the provider's sign-in in the browser. */
    void openSignIn(ConnectModel model);

    /** Opens the form for the provider's typed credentials. */
    void openCredentialsForm(CredentialsModel model);
}
