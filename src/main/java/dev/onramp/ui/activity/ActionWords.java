package dev.onramp.ui.activity;

import dev.onramp.ui.common.UiText;

/** Says an audit action in the window's words beside the raw action ("Connected (connect.succeeded)"), where Onramp knows it. */
final class ActionWords {
    private ActionWords() {}

    /** The action in words with the raw action in brackets; the raw action alone when the window has no words for it. */
    static String of(String action) {
        return switch (action) {
            case "tenant.created" -> UiText.get("ui.activity.action.tenantCreated", action);
            case "demo.reset" -> UiText.get("ui.activity.action.demoReset", action);
            case "demo.reset-refused" -> UiText.get("ui.activity.action.demoResetRefused", action);
            case "tenant.renamed" -> UiText.get("ui.activity.action.tenantRenamed", action);
            case "tenant.retyped" -> UiText.get("ui.activity.action.tenantRetyped", action);
            case "tenant.deleted" -> UiText.get("ui.activity.action.tenantDeleted", action);
            case "tenant.delete-refused" -> UiText.get("ui.activity.action.tenantDeleteRefused", action);
            case "settings.changed" -> UiText.get("ui.activity.action.settingsChanged", action);
            case "settings.redirect-changed" -> UiText.get("ui.activity.action.redirectChanged", action);
            case "connect.succeeded" -> UiText.get("ui.activity.action.connectSucceeded", action);
            case "connect.failed" -> UiText.get("ui.activity.action.connectFailed", action);
            case "connect.cancelled" -> UiText.get("ui.activity.action.connectCancelled", action);
            case "connect.timed-out" -> UiText.get("ui.activity.action.connectTimedOut", action);
            case "connect.recovered" -> UiText.get("ui.activity.action.connectRecovered", action);
            case "connect.reauthorized" -> UiText.get("ui.activity.action.connectReauthorized", action);
            case "reconnect.failed" -> UiText.get("ui.activity.action.reconnectFailed", action);
            case "reconnect.cancelled" -> UiText.get("ui.activity.action.reconnectCancelled", action);
            case "reconnect.timed-out" -> UiText.get("ui.activity.action.reconnectTimedOut", action);
            case "connection.disconnected" -> UiText.get("ui.activity.action.disconnected", action);
            case "connection.renamed" -> UiText.get("ui.activity.action.connectionRenamed", action);
            case "connection.status-changed" -> UiText.get("ui.activity.action.statusChanged", action);
            case "connection.credentials-updated" -> UiText.get("ui.activity.action.credentialsUpdated", action);
            case "connection.credentials-update.failed" -> UiText.get("ui.activity.action.credentialsUpdateFailed", action);
            case "connection.credentials-update.cancelled" ->
                    UiText.get("ui.activity.action.credentialsUpdateCancelled", action);
            case "connection.credentials-update.timed-out" ->
                    UiText.get("ui.activity.action.credentialsUpdateTimedOut", action);
            case "connection.credentials-update.refused" ->
                    UiText.get("ui.activity.action.credentialsUpdateRefused", action);
            case "disconnect.failed" -> UiText.get("ui.activity.action.disconnectFailed", action);
            case "disconnect.refused" -> UiText.get("ui.activity.action.disconnectRefused", action);
            case "keys.rotate.secret-unreadable" -> UiText.get("ui.activity.action.secretUnreadable", action);
            default -> action;
        };
    }
}
