package jp.shinko.web.upload;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.web.backend.CommandService;
import jp.shinko.web.backend.QueryService;
import jp.shinko.web.signin.SignedIn;
import jp.shinko.web.upload.PendingChanges.ChangedRow;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Excel out, Excel in: a city's table downloaded as the workbook (or CSV) the query service
 * exports, edited in Excel, uploaded again. The upload is compared with the records and the page
 * shows exactly what would change, row by row, with the problems on their rows; nothing is saved
 * until the clerk confirms, and then through the bulk endpoint, each item's rows together, the
 * answer shown on each row. If the records changed between the preview and the confirmation, the
 * rows that changed are not saved: the page says what they say now and offers a fresh preview.
 */
@Controller
class TableFiles {

    private static final Pattern ENTRY = Pattern.compile("entries\\[(\\d+)]");
    private static final String PENDING = TableFiles.class.getName() + ".pending";

    private final QueryService query;
    private final CommandService command;

    TableFiles(QueryService query, CommandService command) {
        this.query = query;
        this.command = command;
    }

    /** Which of a plan's tables: Akiruno's annual targets and actuals or Musashino's quarterly statuses. */
    enum Table {
        annual("年間目標と実績"), quarterly("四半期の進捗状況");

        private final String japanese;

        Table(String japanese) {
            this.japanese = japanese;
        }

        public String japanese() {
            return japanese;
        }
    }

    /** An upload waiting for the clerk's confirmation, kept in their session. */
    record PendingUpload(String code, String planId, Table table, String fiscalYear, String fileName,
            UploadedSheet sheet, PendingChanges changes) implements Serializable {
    }

    /** What happened to a row on saving: saved (changed or already so), refused, stale or not sent. */
    record RowResult(ChangedRow row, String outcome, String message) {
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/{table}.{format:xlsx|csv}")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable String planId, @PathVariable Table table,
            @PathVariable String format, @RequestParam(required = false) String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token) {
        return query.file(token, uri -> {
            uri.path("/municipalities/{code}/plans/{planId}/progress/{table}.{format}");
            if (fiscalYear != null && !fiscalYear.isBlank()) {
                uri.queryParam("fiscalYear", fiscalYear);
            }
            return uri.build(code, planId, table.name(), format);
        });
    }

    @GetMapping("/municipalities/{code}/plans/{planId}/upload")
    String form(@PathVariable String code, @PathVariable String planId, @RequestParam Table table,
            @RequestParam(required = false) String fiscalYear,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, Model model) {
        JsonNode plan = query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}").build(code, planId));
        model.addAttribute("plan", plan);
        model.addAttribute("code", code);
        model.addAttribute("planId", planId);
        model.addAttribute("table", table);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("fiscalYearJapanese", fiscalYear == null || fiscalYear.isBlank() ? null
                : FiscalYear.parse(fiscalYear).japanese());
        model.addAttribute("mayEdit", SignedIn.mayWrite(code));
        return "upload";
    }

    @PostMapping("/municipalities/{code}/plans/{planId}/upload")
    String preview(@PathVariable String code, @PathVariable String planId, @RequestParam Table table,
            @RequestParam(required = false) String fiscalYear, @RequestParam("file") MultipartFile file,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, HttpSession session,
            Model model) throws IOException {
        try {
            UploadedSheet sheet = UploadedSheet.read(file.getOriginalFilename(), file.getBytes());
            PendingUpload pending = new PendingUpload(code, planId, table, fiscalYear, file.getOriginalFilename(),
                    sheet, changes(token, code, planId, table, fiscalYear, sheet));
            session.setAttribute(PENDING, pending);
            model.addAttribute("pending", pending);
        } catch (UnreadableUpload | IllegalArgumentException unreadable) {
            model.addAttribute("fileProblem", unreadable instanceof UnreadableUpload ? unreadable.getMessage()
                    : "年度は 令和7年度、R7、2025 のように指定してください。");
        }
        return form(code, planId, table, fiscalYear, token, model);
    }

    @PostMapping("/municipalities/{code}/plans/{planId}/upload/save")
    String save(@PathVariable String code, @PathVariable String planId,
            @RequestParam(required = false) String correctionReason,
            @RegisteredOAuth2AuthorizedClient("shinko") OAuth2AuthorizedClient token, HttpSession session,
            Model model) {
        PendingUpload pending = session.getAttribute(PENDING) instanceof PendingUpload upload
                && upload.code().equals(code) && upload.planId().equals(planId) ? upload : null;
        if (pending == null) {
            model.addAttribute("fileProblem", "確認中の読み込みがありません。もう一度ファイルを選んでください。");
            return form(code, planId, Table.annual, null, token, model);
        }
        // what the records say now: a row that changed since the preview is not saved over
        PendingChanges now = changes(token, code, planId, pending.table(), pending.fiscalYear(), pending.sheet());
        List<ChangedRow> send = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        for (ChangedRow previewed : pending.changes().rows()) {
            ChangedRow current = now.rows().stream().filter(row -> row.line() == previewed.line()).findFirst()
                    .orElse(null);
            if (!previewed.saveable()) {
                results.add(new RowResult(previewed, "not-sent", previewed.problem()));
            } else if (current == null) {
                results.add(new RowResult(previewed, "unchanged", "確認後に同じ値が記録されました。変更はありません。"));
            } else if (!current.changes().equals(previewed.changes())) {
                results.add(new RowResult(previewed, "stale", "確認後に別の変更が記録されました。今の記録: "
                        + current.changes().stream().map(change -> change.column() + " = " + (change.before().isEmpty()
                        ? "（空欄）" : change.before())).reduce((one, other) -> one + "、" + other).orElse("")
                        + "。読み込み直して確認してください。"));
            } else {
                send.add(previewed);
                results.add(null);
            }
        }
        if (!send.isEmpty()) {
            JsonNode answer = command.enterTable(token, code, planId,
                    new PendingChanges(send).tableRequest(correctionReason));
            fillIn(results, send, answer);
        }
        session.removeAttribute(PENDING);
        model.addAttribute("results", results);
        model.addAttribute("saved", results.stream().filter(result -> result.outcome().equals("saved")).count());
        model.addAttribute("savedFile", pending.fileName());
        return form(code, planId, pending.table(), pending.fiscalYear(), token, model);
    }

    private PendingChanges changes(OAuth2AuthorizedClient token, String code, String planId, Table table,
            String fiscalYear, UploadedSheet sheet) {
        return switch (table) {
            case annual -> TableChanges.annual(sheet, query.wholeTable(token, uri -> uri
                    .path("/municipalities/{code}/plans/{planId}/progress/annual").build(code, planId)));
            case quarterly -> {
                FiscalYear year = FiscalYear.parse(Objects.requireNonNullElse(fiscalYear, ""));
                yield TableChanges.quarterly(sheet, year,
                        query.get(token, uri -> uri.path("/municipalities/{code}/plans/{planId}").build(code, planId)),
                        query.wholeTable(token, uri -> uri
                                .path("/municipalities/{code}/plans/{planId}/progress/quarterly")
                                .queryParam("fiscalYear", year.value()).build(code, planId)),
                        query.get(token, uri -> uri.path("/municipalities/{code}/settings").build(code)));
            }
        };
    }

    /**
     * Each sent row's outcome from the bulk answer: the items are answered in the order sent, each
     * item's entries in the order of its rows.
     */
    private static void fillIn(List<RowResult> results, List<ChangedRow> sent, JsonNode answer) {
        List<String> order = sent.stream().map(ChangedRow::itemId).distinct().toList();
        int[] nextEntry = new int[order.size()];
        int next = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) != null) {
                continue;
            }
            ChangedRow row = sent.get(next++);
            int item = order.indexOf(row.itemId());
            JsonNode itemAnswer = answer.path("items").path(item);
            int first = nextEntry[item];
            nextEntry[item] += row.entries().size();
            if (itemAnswer.path("outcome").asString("").equals("recorded")) {
                boolean changed = false;
                for (int j = first; j < nextEntry[item]; j++) {
                    changed |= itemAnswer.path("entries").path(j).path("changed").asBoolean();
                }
                results.set(i, new RowResult(row, "saved", changed ? "保存しました。" : "記録と同じ値でした。変更はありません。"));
            } else {
                JsonNode problem = itemAnswer.path("problem");
                String detail = problem.path("detail").asString("保存できませんでした。");
                Matcher entry = ENTRY.matcher(problem.path("entry").asString(""));
                boolean thisRow = !entry.find() || Integer.parseInt(entry.group(1)) >= first
                        && Integer.parseInt(entry.group(1)) < nextEntry[item];
                String message = problem.path("status").asInt() == 409
                        ? "他の人が先にこの記録を変えました。読み込み直して確認してください。（" + detail + "）"
                        : thisRow ? detail : "同じ事業の別の行が受け付けられなかったため、この行も保存していません"
                        + "（事業ごとにまとめて記録します）。";
                results.set(i, new RowResult(row, "refused", message));
            }
        }
    }
}
