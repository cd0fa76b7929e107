using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Rosters;

/// <summary>
/// A workbook the portal handed out (the annotated upload, the batch as a roster) comes back over HTTP: it updates
/// exactly the persons it came from, keeps fixes made in the browser since the download, and reports a row changed in
/// both places as a conflict the clerk resolves (issue #9 item 2). Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class WorkbookRoundTripTests(PortalFactory factory)
{
    private const string GoodPhone = "13912345678";

    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task The_annotated_workbook_updates_its_own_persons_keeps_browser_fixes_and_reports_the_conflict()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await RosterTests.CreateBatchAsync(clerk);
        var wang = Ids.Make(year: 1985, month: 1, day: 2, male: false);
        var li = Ids.Make(year: 1986, month: 2, day: 3);
        var zhao18 = Ids.Make(year: 1970, month: 4, day: 5, male: false);
        var zhao15 = zhao18[..6] + zhao18[8..17];
        var chen = Ids.Make(year: 1990, month: 6, day: 7, male: false);
        var liBad = li[..17] + (li[17] == '0' ? '1' : '0');
        var file = RosterFiles.Fill(await RosterTests.DownloadTemplateAsync(clerk, batchId), new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = Row("王芳", wang, "12345", "幸福路1号"),
            [3] = Row("李强", liBad, GoodPhone, "幸福路2号"),
            [4] = Row("赵敏", zhao15, GoodPhone, "幸福路3号"),
            [5] = Row("陈静", chen, GoodPhone, "幸福路4号"),
        });
        var check = await RosterTests.UploadAsync(clerk, batchId, "花名册.xlsx", file);
        var before = await PersonsAsync(batchId);
        Assert.Equal(4, before.Count);

        // The clerk downloads the annotated workbook: every row carries its person's key in a hidden column.
        var annotated = await DownloadAsync(clerk, check.QuerySelector("a[href*='handler=Annotated']")!.GetAttribute("href")!);
        var keys = ReadKeys(annotated);
        Assert.Equal(before.OrderBy(p => p.SourceRow).Select(p => p.Id), keys.OrderBy(k => k.Key).Select(k => RosterRowKey.Parse(k.Value)!.PersonId));
        Assert.True(KeyColumnIsHidden(annotated));

        // In the browser: 采用18位号码 for 赵敏, and a new address for 陈静.
        var zhao = before.Single(p => p.Name == "赵敏");
        var fixedId = await clerk.PostWithTokenAsync($"/Unit/Batches/Check/{batchId}", $"/Unit/Batches/Check/{batchId}?handler=Fix", new() { ["personId"] = zhao.Id.ToString(), ["fix"] = "id18" });
        Assert.Equal(HttpStatusCode.Redirect, fixedId.StatusCode);
        var chenId = before.Single(p => p.Name == "陈静").Id;
        var edited = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}/{chenId}", "main form[method=post]", new() { ["Form.Address"] = "网页上改的地址5号" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        // In the workbook: two errors fixed (the phone, and the ID number that was the error), and 陈静's phone
        // changed although the browser changed her too; 赵敏's row is left alone (still 15 digits).
        var fixedWorkbook = RosterFiles.Fill(annotated, new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = new() { [RosterColumn.Phone] = GoodPhone },
            [3] = new() { [RosterColumn.IdNumber] = li },
            [5] = new() { [RosterColumn.Phone] = "13700001111" },
        });
        var result = await RosterTests.UploadAsync(clerk, batchId, "花名册-错误标注.xlsx", fixedWorkbook);

        var after = await PersonsAsync(batchId);
        Assert.Equal(before.Select(p => p.Id).Order(), after.Select(p => p.Id).Order());
        var byName = after.ToDictionary(p => p.Name);
        Assert.Equal(GoodPhone, byName["王芳"].Phone);
        Assert.Equal(li, byName["李强"].IdNumber);
        Assert.Equal(0, byName["李强"].ErrorCount);
        Assert.Equal(zhao18, byName["赵敏"].IdNumber);
        Assert.Equal("网页上改的地址5号", byName["陈静"].Address);
        Assert.Equal(GoodPhone, byName["陈静"].Phone);

        Assert.Contains("1 行在表格中未改动", result.QuerySelector("#upload-keyed")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 行在表格和网页上都改过", result.QuerySelector("#upload-keyed")!.TextContent, StringComparison.Ordinal);
        var conflictRow = Assert.Single(result.QuerySelectorAll("#conflicts tbody tr"));
        Assert.Contains("第 5 行", conflictRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("13700001111", conflictRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("网页上改的地址5号", conflictRow.TextContent, StringComparison.Ordinal);

        // An open conflict blocks 申报, saying what to do.
        var refused = await DeclareAsync(clerk, batchId);
        Assert.Contains("上传冲突", refused, StringComparison.Ordinal);

        // 采用表格中的值: the form shows the workbook's row; saving it closes the conflict.
        var takeLink = conflictRow.QuerySelector("a[href*='conflict=']")!.GetAttribute("href")!;
        var form = await clerk.GetOkPageAsync(takeLink);
        Assert.Equal("13700001111", form.QuerySelector("input[name='Form.Phone']")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#conflict-notice"));
        var took = await clerk.SubmitAsync(form, takeLink, "main form[method=post]", []);
        Assert.Equal(HttpStatusCode.Redirect, took.StatusCode);
        var resolved = (await PersonsAsync(batchId)).Single(p => p.Id == chenId);
        Assert.Equal("13700001111", resolved.Phone);
        Assert.Empty((await clerk.GetOkPageAsync($"/Unit/Batches/Check/{batchId}")).QuerySelectorAll("#conflicts"));
        Assert.Null(await DeclareAsync(clerk, batchId));
    }

    [Fact]
    public async Task Keeping_the_portals_values_closes_the_conflict_and_the_same_workbook_again_duplicates_nobody()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await RosterTests.CreateBatchAsync(clerk);
        var id = Ids.Make(year: 1991, month: 8, day: 9);
        var check = await RosterTests.UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(await RosterTests.DownloadTemplateAsync(clerk, batchId), new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = Row("孙丽", id, GoodPhone, "东风街1号"),
        }));
        var annotated = await DownloadAsync(clerk, check.QuerySelector("a[href*='handler=Annotated']")!.GetAttribute("href")!);
        var person = Assert.Single(await PersonsAsync(batchId));
        await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}/{person.Id}", "main form[method=post]", new() { ["Form.Address"] = "网页地址" });
        var workbook = RosterFiles.Fill(annotated, new Dictionary<int, Dictionary<RosterColumn, RosterValue>> { [2] = new() { [RosterColumn.Address] = "表格地址" } });

        var first = await RosterTests.UploadAsync(clerk, batchId, "a.xlsx", workbook);
        Assert.Single(first.QuerySelectorAll("#conflicts tbody tr"));
        var again = await RosterTests.UploadAsync(clerk, batchId, "a.xlsx", workbook);
        Assert.Single(again.QuerySelectorAll("#conflicts tbody tr")); // the earlier one is replaced, not repeated
        Assert.Equal("网页地址", Assert.Single(await PersonsAsync(batchId)).Address);

        var keep = await clerk.SubmitAsync(again, $"/Unit/Batches/Check/{batchId}", "#conflicts form[action*='KeepPortal']", []);
        Assert.Equal(HttpStatusCode.Redirect, keep.StatusCode);
        var page = await clerk.GetOkPageAsync(keep.Headers.Location!.OriginalString);
        Assert.Empty(page.QuerySelectorAll("#conflicts"));
        Assert.Contains("已保留网页上", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("网页地址", Assert.Single(await PersonsAsync(batchId)).Address);
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(
            [RosterConflictResolution.Superseded, RosterConflictResolution.KeptPortal],
            await db.RosterConflicts.Where(c => c.BatchId == batchId).OrderBy(c => c.Id).Select(c => c.Resolution).ToListAsync());
    }

    [Fact]
    public async Task The_batch_as_a_roster_carries_every_known_field_and_comes_back_onto_the_same_persons()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await RosterTests.CreateBatchAsync(clerk);
        var good = Ids.Make(year: 1980, month: 3, day: 3);
        var bad = Ids.Make(year: 1981, month: 4, day: 4);
        var badTyped = bad[..17] + (bad[17] == '0' ? '1' : '0');
        await RosterTests.UploadAsync(clerk, batchId, "花名册.csv", RosterFiles.Csv(new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = Row("周杰", good, GoodPhone, "人民路8号", "办公室"),
            [3] = Row("吴凡", badTyped, GoodPhone, "人民路9号", "财务部"),
        }, new Dictionary<int, Dictionary<RosterColumn, string?>>(), System.Text.Encoding.UTF8));
        var before = await PersonsAsync(batchId);

        var roster = await DownloadAsync(clerk, $"/Unit/Batches/Check/{batchId}?handler=Roster");
        var rows = RosterFiles.ReadPrefilled(roster);
        Assert.Equal(2, rows.Count);
        var zhou = rows.Values.Single(r => r[RosterColumn.Name] == "周杰");
        Assert.Equal("男", zhou[RosterColumn.Sex]);
        Assert.Equal("1980-03-03", zhou[RosterColumn.BirthDate]);
        Assert.Equal("01 汉族", zhou[RosterColumn.Ethnicity]);
        Assert.Equal(GoodPhone, zhou[RosterColumn.Phone]);
        Assert.Equal("人民路8号", zhou[RosterColumn.Address]);
        Assert.Equal("办公室", zhou[RosterColumn.ClassOrDepartment]);
        Assert.Equal(2, ReadKeys(roster).Count);

        var wuRow = rows.Single(r => r.Value[RosterColumn.Name] == "吴凡").Key;
        await RosterTests.UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(roster, new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [wuRow] = new() { [RosterColumn.IdNumber] = bad },
        }));
        var after = await PersonsAsync(batchId);
        Assert.Equal(before.Select(p => p.Id).Order(), after.Select(p => p.Id).Order());
        Assert.Equal(bad, after.Single(p => p.Name == "吴凡").IdNumber);
        Assert.Equal(before.Single(p => p.Name == "周杰").Version, after.Single(p => p.Name == "周杰").Version);
    }

    [Fact]
    public async Task The_template_carries_what_the_units_batches_already_hold_about_each_register_person()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var known = Ids.Make(year: 1972, month: 7, day: 7, male: false);
        var unknown = Ids.Make(year: 1973, month: 8, day: 8);
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Register.AddRange(
                new Core.Register.RegisteredPerson(unit.Id, $"K{unit.Number[^6..]}1", "在职", "钱红", known, DateTimeOffset.UtcNow),
                new Core.Register.RegisteredPerson(unit.Id, $"K{unit.Number[^6..]}2", "在职", "孙明", unknown, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var first = await RosterTests.CreateBatchAsync(clerk);
        var empty = RosterFiles.ReadPrefilled(await RosterTests.DownloadTemplateAsync(clerk, first));
        Assert.All(empty.Values, r => Assert.Null(r.GetValueOrDefault(RosterColumn.Phone)));
        var qian = empty.Single(r => r.Value[RosterColumn.Name] == "钱红").Key;
        await RosterTests.UploadAsync(clerk, first, "花名册.xlsx", RosterFiles.Fill(await RosterTests.DownloadTemplateAsync(clerk, first), new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [qian] = new()
            {
                [RosterColumn.Sex] = "女",
                [RosterColumn.Ethnicity] = "回族",
                [RosterColumn.Phone] = "0536-8881234",
                [RosterColumn.Postcode] = "261000",
                [RosterColumn.Address] = "潍坊市奎文区胜利东街7号",
                [RosterColumn.ClassOrDepartment] = "后勤科",
            },
        }));

        var second = await RosterTests.CreateBatchAsync(clerk);
        var template = RosterFiles.ReadPrefilled(await RosterTests.DownloadTemplateAsync(clerk, second));
        var row = template.Values.Single(r => r.GetValueOrDefault(RosterColumn.Name) == "钱红");
        Assert.Equal(
            ("女", "1972-07-07", "03 回族", "0536-8881234", "261000", "潍坊市奎文区胜利东街7号", "后勤科", known),
            (row.GetValueOrDefault(RosterColumn.Sex), row.GetValueOrDefault(RosterColumn.BirthDate), row.GetValueOrDefault(RosterColumn.Ethnicity), row.GetValueOrDefault(RosterColumn.Phone), row.GetValueOrDefault(RosterColumn.Postcode), row.GetValueOrDefault(RosterColumn.Address), row.GetValueOrDefault(RosterColumn.ClassOrDepartment), row.GetValueOrDefault(RosterColumn.IdNumber)));
        var sun = template.Values.Single(r => r.GetValueOrDefault(RosterColumn.Name) == "孙明");
        Assert.Equal((null, null, unknown), (sun.GetValueOrDefault(RosterColumn.Phone), sun.GetValueOrDefault(RosterColumn.Address), sun.GetValueOrDefault(RosterColumn.IdNumber)));
    }

    [Fact]
    public async Task A_row_whose_person_was_deleted_in_the_portal_is_not_added_back_unless_the_clerk_decides()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await RosterTests.CreateBatchAsync(clerk);
        var id1 = Ids.Make(year: 1975, month: 5, day: 5);
        var id2 = Ids.Make(year: 1976, month: 6, day: 6);
        await RosterTests.UploadAsync(clerk, batchId, "花名册.csv", RosterFiles.Csv(new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = Row("郑一", id1, GoodPhone, "北街1号"),
            [3] = Row("郑二", id2, GoodPhone, "北街2号"),
        }, new Dictionary<int, Dictionary<RosterColumn, string?>>(), System.Text.Encoding.UTF8));
        var roster = await DownloadAsync(clerk, $"/Unit/Batches/Check/{batchId}?handler=Roster");
        var persons = await PersonsAsync(batchId);
        foreach (var p in persons)
        {
            var deleted = await clerk.PostWithTokenAsync($"/Unit/Batches/Details/{batchId}", $"/Unit/Batches/Details/{batchId}?handler=DeletePerson", new() { ["personId"] = p.Id.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var rows = RosterFiles.ReadPrefilled(roster);
        var second = rows.Single(r => r.Value[RosterColumn.Name] == "郑二").Key;
        var page = await RosterTests.UploadAsync(clerk, batchId, "花名册.xlsx", RosterFiles.Fill(roster, new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [second] = new() { [RosterColumn.Address] = "北街22号" },
        }));
        Assert.Empty(await PersonsAsync(batchId));
        Assert.Contains("1 行对应的人员已在网页上删除", page.QuerySelector("#upload-keyed")!.TextContent, StringComparison.Ordinal);
        var conflict = Assert.Single(page.QuerySelectorAll("#conflicts tbody tr"));
        Assert.Contains("已删除", conflict.TextContent, StringComparison.Ordinal);

        var readd = conflict.QuerySelector("a[href*='conflict=']")!.GetAttribute("href")!;
        var form = await clerk.GetOkPageAsync(readd);
        Assert.Equal("北街22号", form.QuerySelector("input[name='Form.Address']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync(form, readd, "main form[method=post]", [])).StatusCode);
        var back = Assert.Single(await PersonsAsync(batchId));
        Assert.Equal(("郑二", id2, "北街22号"), (back.Name, back.IdNumber, back.Address));
    }

    private static Dictionary<RosterColumn, RosterValue> Row(string name, string id, string phone, string address, string? department = null)
    {
        var row = new Dictionary<RosterColumn, RosterValue>
        {
            [RosterColumn.Name] = name,
            [RosterColumn.IdNumber] = id,
            [RosterColumn.Sex] = (id[id.Length == 15 ? ^1 : ^2] - '0') % 2 == 1 ? "男" : "女",
            [RosterColumn.Ethnicity] = "汉族",
            [RosterColumn.Phone] = phone,
            [RosterColumn.Postcode] = "261000",
            [RosterColumn.Address] = address,
        };
        if (department is not null)
        {
            row[RosterColumn.ClassOrDepartment] = department;
        }

        return row;
    }

    private static async Task<byte[]> DownloadAsync(PortalClient clerk, string url)
    {
        var response = await clerk.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Row number → the 系统行标识 cell, as the portal's reader sees the workbook.</summary>
    private static Dictionary<int, string> ReadKeys(byte[] workbook)
    {
        var read = new RosterReader().Read(new MemoryStream(workbook), "x.xlsx", new RosterLimits(MaxBytes: 20 * 1024 * 1024, MaxRows: 100_000));
        Assert.True(read.Succeeded, string.Join("; ", read.FileFindings.Select(f => f.Finding.Message)));
        return read.Rows.Where(r => r.Key is not null).ToDictionary(r => r.RowNumber, r => r.Key!);
    }

    private static bool KeyColumnIsHidden(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == RosterTemplate.DataSheetName);
        var data = (WorksheetPart)part.GetPartById(sheet.Id!);
        var header = data.Worksheet.Descendants<Row>().First().Elements<Cell>().Last();
        Assert.Equal(RosterRowKey.Header, header.InnerText);
        var column = header.CellReference!.Value!.TrimEnd("0123456789".ToCharArray());
        var index = column.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
        return data.Worksheet.Descendants<Column>().Any(c => c.Min! <= index && index <= c.Max! && c.Hidden?.Value == true);
    }

    private async Task<List<InsuredPerson>> PersonsAsync(int batchId)
    {
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.Id).ToListAsync();
    }

    /// <summary>Presses 申报; null when it went through, else the refusal shown.</summary>
    private static async Task<string?> DeclareAsync(PortalClient clerk, int batchId)
    {
        var url = $"/Unit/Batches/Details/{batchId}";
        var response = await clerk.SubmitAsync(url, "form[action*='Declare']", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await clerk.GetOkPageAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelector(".notice.error")?.TextContent.Trim();
    }
}

public sealed class SqliteWorkbookRoundTripTests(SqlitePortalFactory factory) : WorkbookRoundTripTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresWorkbookRoundTripTests(PostgresPortalFactory factory) : WorkbookRoundTripTests(factory), IClassFixture<PostgresPortalFactory>;
