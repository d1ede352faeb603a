package jp.shinko.infra.embedded;

import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Role;

/**
 * The local identity provider's sign-in page, in Japanese: a developer picks who they are (a
 * name, a role, for a municipal role the municipality and optionally the organisation). Every
 * field has its label; a refusal is shown next to the form, and the request's own parameters are
 * carried on in hidden fields.
 */
final class SignInPage {

    /** The authorization request's parameters the form carries to its POST. */
    private static final List<String> CARRIED = List.of("response_type", "client_id", "redirect_uri", "state",
            "code_challenge", "code_challenge_method", "nonce", "scope");

    private SignInPage() {
    }

    static String render(Map<String, String> parameters, String problem) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>サインイン（開発用）</title>
                <style>
                body { font-family: sans-serif; max-width: 36rem; margin: 2rem auto; color: #1a1a1a; }
                label { display: block; margin-top: 1rem; font-weight: bold; }
                input, select { font-size: 1rem; padding: .4rem; width: 100%; box-sizing: border-box; }
                button { margin-top: 1.5rem; font-size: 1rem; padding: .5rem 1.5rem; background: #0b4f9c; color: #fff;
                  border: 0; }
                :focus { outline: 3px solid #d97706; outline-offset: 2px; }
                .problem { color: #a10000; border: 2px solid #a10000; padding: .5rem; }
                .hint { color: #444; font-size: .9rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>サインイン（開発用の認証サーバー）</h1>
                <p>開発者の端末のための画面です。役割・自治体・組織を選んでサインインします。本番では使いません。</p>
                """);
        if (problem != null) {
            page.append("<p class=\"problem\" role=\"alert\" id=\"problem\">").append(escape(problem)).append("</p>\n");
        }
        page.append("<form method=\"post\" action=\"/authorize\">\n");
        for (String name : CARRIED) {
            if (parameters.containsKey(name)) {
                page.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(parameters.get(name))).append("\">\n");
            }
        }
        String role = parameters.getOrDefault("role", Role.MUNICIPAL_EDITOR.wireName());
        page.append("<label for=\"subject\">利用者名</label>\n<input id=\"subject\" name=\"subject\" value=\"")
                .append(escape(parameters.getOrDefault("subject", ""))).append("\" autocomplete=\"username\">\n")
                .append("<p class=\"hint\">空欄なら役割と自治体から名前を付けます。</p>\n")
                .append("<label for=\"role\">役割</label>\n<select id=\"role\" name=\"role\">\n");
        for (Role each : Role.values()) {
            page.append("<option value=\"").append(each.wireName()).append('"')
                    .append(each.wireName().equals(role) ? " selected" : "").append('>').append(label(each))
                    .append(" (").append(each.wireName()).append(")</option>\n");
        }
        page.append("</select>\n")
                .append("<label for=\"municipality\">自治体コード（自治体の役割のみ、6桁）</label>\n")
                .append("<input id=\"municipality\" name=\"municipality\" inputmode=\"numeric\" value=\"")
                .append(escape(parameters.getOrDefault("municipality", ""))).append("\">\n")
                .append("<p class=\"hint\">例: 132284 あきる野市、132039 武蔵野市、132241 多摩市</p>\n")
                .append("<label for=\"organisation\">組織（任意。編集者をその組織の項目に限る）</label>\n")
                .append("<input id=\"organisation\" name=\"organisation\" value=\"")
                .append(escape(parameters.getOrDefault("organisation", ""))).append("\">\n")
                .append("<button type=\"submit\">サインイン</button>\n</form>\n</main>\n</body>\n</html>\n");
        return page.toString();
    }

    private static String label(Role role) {
        return switch (role) {
            case MUNICIPAL_EDITOR -> "自治体の編集者";
            case MUNICIPAL_VIEWER -> "自治体の閲覧者";
            case METRO_ANALYST -> "東京都の分析担当";
            case METRO_EDITOR -> "東京都の編集者";
            case AUDITOR -> "監査担当";
            case ADMIN -> "運用管理者";
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
