using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Rosters;

/// <summary>
/// The clerk's roster work over HTTP on a real database: the template, uploads in every format with
/// every planted rule code found at its row and column, re-uploads, bad files, the annotated workbook,
/// one-click fixes and unit isolation. Runs on SQLite and PostgreSQL (subclasses at the bottom).
/// </summary>
public abstract class RosterTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task Template_is_prefilled_from_the_register_with_text_ID_cells()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var template = await DownloadTemplateAsync(clerk, batchId);
        var prefilled = RosterFiles.ReadPrefilled(template);
        Assert.Equal(3, prefilled.Count);
        Assert.Equal("张伟", prefilled[2][RosterColumn.OriginalName]);
        Assert.Equal("张伟", prefilled[2][RosterColumn.Name]);
        Assert.Equal("退休", prefilled[4][RosterColumn.Category]);
        Assert.Matches("^[0-9]{17}[0-9X]$", prefilled[3][RosterColumn.IdNumber]!);
    }

    [Fact]
    public async Task Information_centre_imports_the_register_and_the_units_template_is_prefilled_with_it()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var admin = await PortalClient.SignedInAsync(Factory, await TestData.CreateAdminAsync(Factory));
        var id1 = Ids.Make(year: 1966);
        var id2 = Ids.Make(year: 1967, male: false);
        var csv = "单位编号,个人编号,人员类别,姓名,身份证号码\r\n" +
            $"{unit.Number},R{unit.Number}1,在职,欧阳修,{id1}\r\n{unit.Number},R{unit.Number}2,退休,上官婉,{id2}\r\n";

        var refused = await PostFileAsync(admin, "/Admin/Register", "file", "register.csv", Encoding.UTF8.GetBytes(csv + "9999999999,R1,在职,无名,110101199001010011\r\n"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("9999999999 不存在", await refused.Content.ReadAsStringAsync());

        var imported = await PostFileAsync(admin, "/Admin/Register", "file", "register.csv", Encoding.GetEncoding("GB18030").GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var prefilled = RosterFiles.ReadPrefilled(await DownloadTemplateAsync(clerk, await CreateBatchAsync(clerk)));
        Assert.Equal("欧阳修,上官婉", string.Join(",", prefilled.Values.Select(r => r[RosterColumn.OriginalName])));
        Assert.Equal(id2, prefilled.Values.Last()[RosterColumn.OriginalIdNumber]);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    [InlineData("csv-gbk")]
    public async Task Every_planted_error_is_reported_on_its_row_and_column_and_no_correct_cell_is_flagged(string format)
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var template = await DownloadTemplateAsync(clerk, batchId);
        var (name, bytes) = format switch
        {
            "xlsx" => ("花名册.xlsx", RosterFiles.Fill(template, scenario.Rows)),
            "xls" => ("花名册.xls", RosterFiles.ToXls(RosterFiles.Fill(template, scenario.Rows))),
            _ => ("花名册.csv", RosterFiles.Csv(scenario.Rows, RosterFiles.ReadPrefilled(template), Encoding.GetEncoding("GB18030"))),
        };

        var check = await UploadAsync(clerk, batchId, name, bytes);
        var found = FindingsOnPage(check);
        var missing = scenario.Expected.Except(found).ToList();
        var extra = found.Except(scenario.Expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing: {string.Join("; ", missing)}\nextra: {string.Join("; ", extra)}");
        Assert.Equal(21, await PersonCountAsync(batchId));
    }

    [Fact]
    public async Task Result_page_filters_by_errors_rule_code_and_same_name_group()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var check = await UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(await DownloadTemplateAsync(clerk, batchId), scenario.Rows));
        Assert.Equal("21", check.QuerySelector(".stats .num")!.TextContent.Trim());

        int[] RowsOf(IHtmlDocument page) => page.QuerySelectorAll("#check-grid tbody tr").Select(r => int.Parse(r.GetAttribute("data-row")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var withErrors = scenario.Expected.GroupBy(e => e.Row)
            .Where(g => g.Any(e => e.Code is not ("ID_UNKNOWN_REGION" or "DUPLICATE_ID_ELSEWHERE" or "SAME_NAME" or "NAME_RARE_CHAR" or "ID_NORMALIZED" or "NAME_NORMALIZED" or "BIRTHDATE_MISSING")))
            .Select(g => g.Key).Order().ToArray();
        Assert.Equal(withErrors, RowsOf(await clerk.GetOkPageAsync($"/Unit/Batches/Check/{batchId}?errorsOnly=true")));
        var legacy = RowsOf(await clerk.GetOkPageAsync($"/Unit/Batches/Check/{batchId}?code=ID_LEGACY_15"));
        Assert.Equal(new[] { 13 }, legacy);

        var groups = check.QuerySelectorAll("select[name=group] option").Where(o => o.GetAttribute("value") is { Length: > 0 }).ToList();
        var liu = Assert.Single(groups, o => o.TextContent.Contains("刘洋", StringComparison.Ordinal));
        var group = RowsOf(await clerk.GetOkPageAsync($"/Unit/Batches/Check/{batchId}?group={liu.GetAttribute("value")}"));
        Assert.Equal(new[] { 21, 22 }, group);
    }

    [Fact]
    public async Task Uploading_the_same_file_twice_leaves_the_same_persons()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var file = RosterFiles.Fill(await DownloadTemplateAsync(clerk, batchId), scenario.Rows);

        await UploadAsync(clerk, batchId, "花名册.xlsx", file);
        var first = await SnapshotAsync(batchId);
        var second = await UploadAsync(clerk, batchId, "花名册.xlsx", file);
        var summary = second.QuerySelector("#upload-summary")!.TextContent;
        Assert.True(summary.Contains("新增 0 人，更新 0 人，未变 21 人", StringComparison.Ordinal), summary);
        Assert.Equal(first, await SnapshotAsync(batchId));
    }

    [Theory]
    [InlineData("notes.xlsx", "FILE_UNREADABLE")]
    [InlineData("macro.xlsm", "FILE_UNREADABLE")]
    [InlineData("empty.csv", "FILE_EMPTY")]
    [InlineData("other.csv", "FILE_TEMPLATE_UNRECOGNIZED")]
    public async Task A_bad_file_gets_a_Chinese_FILE_finding_and_leaves_the_batch_exactly_as_before(string fileName, string code)
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var template = await DownloadTemplateAsync(clerk, batchId);
        await UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(template, scenario.Rows));
        var before = await SnapshotAsync(batchId);

        var bytes = fileName switch
        {
            "notes.xlsx" => Encoding.UTF8.GetBytes("这不是表格文件"),
            "macro.xlsm" => RosterFiles.Fill(template, scenario.Rows),
            "empty.csv" => Encoding.UTF8.GetBytes(string.Join(",", RosterTemplate.Columns.Select(c => c.Header)) + "\r\n\r\n"),
            _ => Encoding.UTF8.GetBytes("编号,名字,电话\r\n1,张三,13912345678\r\n"),
        };
        var check = await UploadAsync(clerk, batchId, fileName, bytes);
        var findings = check.QuerySelector("#file-findings")?.TextContent ?? "";
        Assert.Contains(code, findings);
        Assert.Matches("[\u4e00-\u9fff]", findings);
        Assert.Equal(before, await SnapshotAsync(batchId));
    }

    [Fact]
    public async Task Annotated_workbook_marks_exactly_the_bad_cells_and_keeps_the_clerks_content()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var file = RosterFiles.Fill(await DownloadTemplateAsync(clerk, batchId), scenario.Rows);
        var check = await UploadAsync(clerk, batchId, "花名册.xlsx", file);
        var link = check.QuerySelector("a[href*='handler=Annotated']")!.GetAttribute("href")!;
        var response = await clerk.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var annotated = await response.Content.ReadAsByteArrayAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(annotated), isEditable: false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Contains(RosterTemplate.ErrorsSheetName, sheets);
        var data = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == RosterTemplate.DataSheetName).Id!);
        var commented = data.WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>()
            .Select(c => c.Reference!.Value!)
            .ToHashSet();
        var expectedCells = scenario.Expected.Select(e => $"{(char)('A' + (int)Enum.Parse<RosterColumn>(e.Column))}{e.Row}").ToHashSet();
        Assert.Equal(expectedCells.Order(), commented.Order());

        // Fills: red on cells with an error, yellow on cells with only warnings, none of the annotation
        // colours anywhere else on the sheet.
        var fills = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ToList();
        var formats = document.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        string? FillOf(Cell cell) => fills[(int)(formats[(int)(cell.StyleIndex?.Value ?? 0)].FillId?.Value ?? 0)].PatternFill?.ForegroundColor?.Rgb?.Value;
        var coloured = data.Worksheet.Descendants<Cell>()
            .Select(c => (Ref: c.CellReference!.Value!, Fill: FillOf(c)))
            .Where(c => c.Fill is "FFFF9F9F" or "FFFFE27A" or "FFCBEFB6")
            .ToDictionary(c => c.Ref, c => c.Fill);
        var errorCells = scenario.Expected.Where(e => e.Code is not ("ID_UNKNOWN_REGION" or "DUPLICATE_ID_ELSEWHERE" or "SAME_NAME" or "NAME_RARE_CHAR" or "ID_NORMALIZED" or "NAME_NORMALIZED" or "BIRTHDATE_MISSING"))
            .Select(e => $"{(char)('A' + (int)Enum.Parse<RosterColumn>(e.Column))}{e.Row}").ToHashSet();
        Assert.Equal(expectedCells.Order(), coloured.Keys.Order());
        Assert.All(errorCells, cell => Assert.Equal("FFFF9F9F", coloured[cell]));
        Assert.Equal("FFFFE27A", coloured[$"{(char)('A' + (int)RosterColumn.IdNumber)}12"]);
        Assert.Equal(RosterFiles.ReadPrefilled(file)[21][RosterColumn.Name], RosterFiles.ReadPrefilled(annotated)[21][RosterColumn.Name]);
    }

    [Fact]
    public async Task A_formula_typed_as_an_address_comes_back_inert_in_the_annotated_workbook_and_rereads_as_typed()
    {
        const string hyperlink = "=HYPERLINK(\"http://x\",\"点我\")";
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var id = Ids.Make(year: 1987, month: 3, day: 9);
        var rows = new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = new()
            {
                [RosterColumn.Name] = "张三",
                [RosterColumn.IdNumber] = id,
                [RosterColumn.Sex] = "男",
                [RosterColumn.Ethnicity] = "01 汉族",
                [RosterColumn.Phone] = "13912345678",
                [RosterColumn.Postcode] = "261041",
                [RosterColumn.Address] = hyperlink,
                [RosterColumn.ClassOrDepartment] = "@SUM(1+1)",
            },
        };
        var check = await UploadAsync(clerk, batchId, "花名册.csv", RosterFiles.Csv(rows, new Dictionary<int, Dictionary<RosterColumn, string?>>(), Encoding.UTF8));
        var response = await clerk.Http.GetAsync(check.QuerySelector("a[href*='handler=Annotated']")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var annotated = await response.Content.ReadAsByteArrayAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(annotated), isEditable: false))
        {
            var workbook = document.WorkbookPart!;
            foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
            {
                var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
                Assert.Empty(part.Worksheet.Descendants<CellFormula>());
                var cells = part.Worksheet.Descendants<Cell>().Where(c => c.InlineString?.InnerText.Contains("HYPERLINK", StringComparison.Ordinal) == true).ToList();
                Assert.All(cells, c => Assert.Equal("'" + hyperlink, c.InlineString!.InnerText));
                Assert.All(cells, c => Assert.Equal(CellValues.InlineString, c.DataType?.Value));
            }

            var values = RosterFiles.ReadPrefilled(annotated)[2];
            Assert.Equal("'" + hyperlink, values[RosterColumn.Address]);
            Assert.Equal("'@SUM(1+1)", values[RosterColumn.ClassOrDepartment]);
            Assert.Equal(id, values[RosterColumn.IdNumber]);
        }

        // The clerk fixes nothing and uploads the annotated workbook again: the portal reads the text as typed.
        await UploadAsync(clerk, batchId, "花名册-错误标注.xlsx", annotated);
        await using var scope = Factory.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AsNoTracking().SingleAsync(p => p.BatchId == batchId);
        Assert.Equal(hyperlink, person.Address);
        Assert.Equal("@SUM(1+1)", person.ClassOrDepartment);
        Assert.Contains(person.Findings, f => f.Code == "ADDRESS_TOO_LONG");
    }

    [Fact]
    public async Task One_click_fixes_accept_the_18_digit_number_and_take_the_birth_date_from_the_ID()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var check = await UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(await DownloadTemplateAsync(clerk, batchId), scenario.Rows));

        var legacy = check.QuerySelector("tr[data-row='13'] form input[name=fix][value=id18]")!.Closest("form")!;
        var fixedId = await clerk.Http.PostAsync(legacy.GetAttribute("action"), Form(legacy));
        Assert.Equal(HttpStatusCode.Redirect, fixedId.StatusCode);

        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Check/{batchId}");
        var birth = page.QuerySelector("tr[data-row='18'] form input[name=fix][value=birth]")!.Closest("form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Http.PostAsync(birth.GetAttribute("action"), Form(birth))).StatusCode);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row13 = await db.Persons.SingleAsync(p => p.BatchId == batchId && p.SourceRow == 13);
        Assert.Equal("150102198807303035", row13.IdNumber);
        Assert.DoesNotContain(row13.Findings, f => f.Code == "ID_LEGACY_15");
        var row18 = await db.Persons.SingleAsync(p => p.BatchId == batchId && p.SourceRow == 18);
        Assert.Equal(new DateOnly(1985, 5, 17), row18.BirthDate);
        Assert.DoesNotContain(row18.Findings, f => f.Code == "BIRTHDATE_MISMATCH_ID");
    }

    [Fact]
    public async Task Editing_an_uploaded_row_in_the_browser_revalidates_it_with_the_same_rules()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var check = await UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(await DownloadTemplateAsync(clerk, batchId), scenario.Rows));
        var editUrl = check.QuerySelector("tr[data-row='9'] a[href*='/Unit/Persons/Edit/']")!.GetAttribute("href")!;

        // The form opens with the upload's findings beside the fields.
        var form = await clerk.GetOkPageAsync(editUrl);
        Assert.Contains("ID_BAD_CHECKSUM", form.QuerySelector("#IdNumber-findings")!.TextContent);

        // Still wrong: refused with the same rule. Then corrected, but to the number of row 19's person: the
        // duplicate rule of the roster applies here too.
        var stillWrong = await clerk.SubmitAsync(form, editUrl, "form.card", new() { ["Form.IdNumber"] = "36042619910102009X" });
        Assert.Contains("ID_BAD_CHECKSUM", await stillWrong.Content.ReadAsStringAsync());
        var taken = (string)scenario.Rows[19][RosterColumn.IdNumber].Text!;
        var duplicate = await clerk.SubmitAsync(editUrl, "form.card", new() { ["Form.IdNumber"] = taken, ["Form.Sex"] = "女", ["Form.BirthDate"] = "" });
        Assert.Contains("DUPLICATE_ID_IN_FILE", await duplicate.Content.ReadAsStringAsync());

        var good = Ids.Make(male: false, year: 1988);
        var saved = await clerk.SubmitAsync(editUrl, "form.card", new() { ["Form.IdNumber"] = good, ["Form.BirthDate"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = Factory.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.SingleAsync(p => p.BatchId == batchId && p.SourceRow == 9);
        Assert.Equal(good, person.IdNumber);
        Assert.Equal(0, person.ErrorCount);
    }

    [Fact]
    public async Task Declaring_with_errors_is_refused_and_names_the_people()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        await UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(await DownloadTemplateAsync(clerk, batchId), scenario.Rows));
        await clerk.SubmitAsync($"/Unit/Batches/Details/{batchId}", "form[action*='Declare']", []);
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("冯丽", alert);
        Assert.Contains("钱芳", alert);
        Assert.Contains("填报中", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Another_units_clerk_gets_404_on_every_roster_url()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var check = await UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(await DownloadTemplateAsync(clerk, batchId), scenario.Rows));
        var annotated = check.QuerySelector("a[href*='handler=Annotated']")!.GetAttribute("href")!;
        var personId = check.QuerySelector("tr[data-row='13']")!.GetAttribute("data-person")!;

        var other = await TestData.CreateUnitWithClerkAsync(Factory);
        using var stranger = await PortalClient.SignedInAsync(Factory, other.Number);
        foreach (var url in new[] { $"/Unit/Batches/Check/{batchId}", annotated, $"/Unit/Batches/Details/{batchId}?handler=Template" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(url)).StatusCode);
        }

        var fix = await stranger.PostWithTokenAsync("/Unit", $"/Unit/Batches/Check/{batchId}?handler=Fix", new() { ["personId"] = personId, ["fix"] = "id18" });
        Assert.Equal(HttpStatusCode.NotFound, fix.StatusCode);
        var token = (await stranger.GetOkPageAsync("/Unit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("x")), "roster", "r.csv" },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PostAsync($"/Unit/Batches/Details/{batchId}?handler=Upload", upload)).StatusCode);
    }

    internal static async Task<int> CreateBatchAsync(PortalClient clerk)
    {
        var response = await clerk.SubmitAsync("/Unit", "form[action*='Create']", new() { ["Title"] = "花名册批次" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static async Task<byte[]> DownloadTemplateAsync(PortalClient clerk, int batchId)
    {
        var response = await clerk.Http.GetAsync($"/Unit/Batches/Details/{batchId}?handler=Template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Uploads through the batch page's form (with its antiforgery token) and returns the result page it leads to.</summary>
    internal static async Task<IHtmlDocument> UploadAsync(PortalClient clerk, int batchId, string fileName, byte[] content)
    {
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var form = page.QuerySelector("form[action*='Upload']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "roster", fileName },
        };
        var response = await clerk.Http.PostAsync(form.GetAttribute("action"), body);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await clerk.GetOkPageAsync(response.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(PortalClient client, string page, string field, string fileName, byte[] content)
    {
        var token = (await client.GetOkPageAsync(page)).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        return await client.Http.PostAsync(page, body);
    }

    private static HashSet<(int Row, string Column, string Code)> FindingsOnPage(IHtmlDocument page)
    {
        var found = new HashSet<(int, string, string)>();
        foreach (var row in page.QuerySelectorAll("#check-grid tbody tr"))
        {
            var number = int.Parse(row.GetAttribute("data-row")!, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var cell in row.QuerySelectorAll("td"))
            {
                foreach (var code in cell.QuerySelectorAll(".cell-note .code"))
                {
                    found.Add((number, cell.GetAttribute("data-column") ?? "Row", code.TextContent.Trim()));
                }
            }
        }

        return found;
    }

    private static FormUrlEncodedContent Form(AngleSharp.Dom.IElement form) =>
        new(form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")));

    private async Task<int> PersonCountAsync(int batchId)
    {
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.CountAsync(p => p.BatchId == batchId);
    }

    private async Task<string> SnapshotAsync(int batchId)
    {
        await using var scope = Factory.CreateScope();
        var persons = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AsNoTracking()
            .Where(p => p.BatchId == batchId).OrderBy(p => p.Id).ToListAsync();
        return string.Join("\n", persons.Select(p => $"{p.Id}|{p.SourceRow}|{p.Name}|{p.IdNumber}|{p.Sex}|{p.BirthDate}|{p.Phone}|{p.Address}|{p.ErrorCount}|{p.Version}|{string.Join(",", p.Findings.Select(f => f.Code))}"));
    }
}

public sealed class SqliteRosterTests(SqlitePortalFactory factory) : RosterTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresRosterTests(PostgresPortalFactory factory) : RosterTests(factory), IClassFixture<PostgresPortalFactory>;
