package dev.onramp.ui.hub;

import dev.onramp.ui.common.UiText;

/** A catalog category in the window's language; one the window does not know is shown as the catalog names it. */
final class CategoryWords {
    private CategoryWords() {}

    /** The words for {@code category}, a category as the catalog names it (in English). */
    static String of(String category) {
        return switch (category) {
            case "Accounting" -> UiText.get("ui.hub.category.accounting");
            case "Advertising" -> UiText.get("ui.hub.category.advertising");
            case "Analytics" -> UiText.get("ui.hub.category.analytics");
            case "CRM" -> UiText.get("ui.hub.category.crm");
            case "Commerce" -> UiText.get("ui.hub.category.commerce");
            case "Communication" -> UiText.get("ui.hub.category.communication");
            case "Engineering" -> UiText.get("ui.hub.category.engineering");
            case "Files & databases" -> UiText.get("ui.hub.category.filesAndDatabases");
            case "HR & recruiting" -> UiText.get("ui.hub.category.hrAndRecruiting");
            case "Marketing" -> UiText.get("ui.hub.category.marketing");
            case "Other" -> UiText.get("ui.hub.category.other");
            case "Payments" -> UiText.get("ui.hub.category.payments");
            case "Productivity" -> UiText.get("ui.hub.category.productivity");
            case "Support" -> UiText.get("ui.hub.category.support");
            default -> category;
        };
    }
}
