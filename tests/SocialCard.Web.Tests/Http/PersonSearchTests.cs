using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Register;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Photos;
using SocialCard.Web.Tests.Rosters;
using R = SocialCard.Core.Rosters.RosterColumn;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// 查找人员 (issue #9 item 6), the return to where the clerk came from after an edit, 使用说明, and the wording
/// fixes of items 5 and 10, over HTTP on both databases.
/// </summary>
public abstract class PersonSearchTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task Search_by_name_and_ID_digits_finds_the_units_batches_and_register_masked_and_never_another_units_persons()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var other = await TestData.CreateUnitWithClerkAsync(Factory);
        var idFirst = Ids.Make(year: 1977, month: 3, day: 9);
        var idX = IdEndingInX(1978, 4, 10);
        var idRegistered = Ids.Make(year: 1979, month: 5, day: 11, male: false);
        var idOther = Ids.Make(year: 1977, month: 3, day: 9);
        var (first, second) = await SeedAsync(Factory, unit.Id, [("欧阳三丰", idFirst, false)], [("欧阳小明", idX, true)]);
        await SeedAsync(Factory, other.Id, [("欧阳三丰", idOther, false)], []);
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            var prefix = unit.Number[^6..];
            db.Register.AddRange(
                new RegisteredPerson(unit.Id, $"S{prefix}1", "在职", "欧阳红", idRegistered, now),
                new RegisteredPerson(unit.Id, $"S{prefix}2", "在职", "欧阳小明", idX, now));
            await db.SaveChangesAsync();
        }

        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);

        // By a part of the name: both batches and the register entry that no batch holds, each once.
        var byName = await SearchAsync(clerk, "欧阳");
        var rows = byName.QuerySelectorAll("#search-hits tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        var firstRow = Assert.Single(rows, r => r.GetAttribute("data-batch") == first.BatchId.ToString());
        Assert.Contains("欧阳三丰", firstRow.TextContent);
        Assert.Contains(CitizenId.Mask(idFirst), firstRow.TextContent);
        Assert.NotNull(firstRow.QuerySelector($"a[href='/Unit/Batches/Details/{first.BatchId}']"));
        Assert.Contains("填报中", firstRow.TextContent);
        var secondRow = Assert.Single(rows, r => r.GetAttribute("data-batch") == second.BatchId.ToString());
        Assert.Contains("1 个错误", secondRow.TextContent);
        Assert.Contains("SEX_MISMATCH_ID", secondRow.QuerySelector(".findings")!.TextContent);
        var registerOnly = Assert.Single(rows, r => r.ClassList.Contains("register-only"));
        Assert.Contains("欧阳红", registerOnly.TextContent);
        Assert.Contains("尚未录入任何批次", registerOnly.TextContent);
        Assert.Contains(CitizenId.Mask(idRegistered), registerOnly.TextContent);
        var results = byName.QuerySelector("#search-results")!.InnerHtml;
        foreach (var id in new[] { idFirst, idX, idRegistered, idOther })
        {
            Assert.DoesNotContain(id, results);
        }

        // The last six digits, with a lower-case x: the person in the other batch.
        var byDigits = await SearchAsync(clerk, idX[^6..].ToLowerInvariant());
        var hit = Assert.Single(byDigits.QuerySelectorAll("#search-hits tbody tr"));
        Assert.Equal(second.PersonId.ToString(), hit.GetAttribute("data-person"));

        // The full number, typed with spaces: found, listed masked.
        var byFull = await SearchAsync(clerk, $" {idFirst[..6]} {idFirst[6..]} ");
        Assert.Equal(first.PersonId.ToString(), Assert.Single(byFull.QuerySelectorAll("#search-hits tbody tr")).GetAttribute("data-person"));
        Assert.DoesNotContain(idFirst, byFull.QuerySelector("#search-results")!.InnerHtml);

        // Another unit's person is never found, by name, full number or last digits.
        Assert.DoesNotContain(byName.QuerySelectorAll("#search-hits tbody tr"), r => r.TextContent.Contains(CitizenId.Mask(idOther)));
        Assert.Empty((await SearchAsync(clerk, idOther)).QuerySelectorAll("#search-hits tbody tr"));
        Assert.Empty((await SearchAsync(clerk, idOther[^6..])).QuerySelectorAll("#search-hits tbody tr"));
        using (var otherClerk = await PortalClient.SignedInAsync(Factory, other.Number))
        {
            var theirs = await SearchAsync(otherClerk, "欧阳");
            Assert.Single(theirs.QuerySelectorAll("#search-hits tbody tr"));
            Assert.Contains(CitizenId.Mask(idOther), theirs.QuerySelector("#search-hits")!.TextContent);
        }

        // Too few digits: told what to type.
        var tooShort = await SearchAsync(clerk, "12");
        Assert.Contains("至少输入身份证号码的后 4 位", tooShort.Body!.TextContent);
        Assert.Null(tooShort.QuerySelector("#search-results"));

        // What the clerk typed is not in the request log: not the URL-encoded name, not a number split by spaces.
        var logs = Factory.ReadLogs();
        Assert.Contains("/Unit/Persons/Search?q=***", logs);
        Assert.DoesNotContain(Uri.EscapeDataString("欧阳"), logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(idFirst[6..], logs);
    }

    [Fact]
    public async Task More_than_200_hits_are_capped_with_a_note()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            var prefix = unit.Number[^6..];
            db.Register.AddRange(Enumerable.Range(0, 205).Select(i => new RegisteredPerson(unit.Id, $"C{prefix}{i:D3}", null, "司马" + i, Ids.Make(year: 1960, month: 1 + (i / 150), day: 20, male: i % 2 == 0), now)));
            await db.SaveChangesAsync();
        }

        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var page = await SearchAsync(clerk, "司马");
        Assert.Equal(200, page.QuerySelectorAll("#search-hits tbody tr").Length);
        Assert.Contains("只列出前 200 条", page.QuerySelector("#search-capped")!.TextContent);
    }

    [Fact]
    public async Task Editing_a_hit_returns_to_the_search_results_and_unsafe_return_addresses_are_ignored()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var id = Ids.Make(year: 1981, month: 6, day: 12);
        var (person, _) = await SeedAsync(Factory, unit.Id, [("诸葛明", id, false)], []);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);

        var results = await SearchAsync(clerk, id[^6..]);
        var edit = results.QuerySelector($"#search-hits tr[data-person='{person.PersonId}'] a.btn")!.GetAttribute("href")!;
        Assert.StartsWith($"/Unit/Persons/Edit/{person.BatchId}/{person.PersonId}?returnUrl=", edit);
        var saved = await clerk.SubmitAsync(edit, "form.card", new() { ["Form.Phone"] = "13800000001" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Unit/Persons/Search?q={id[^6..]}", saved.Headers.Location!.OriginalString);
        var back = await clerk.GetOkPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("已保存诸葛明", back.Body!.TextContent);
        Assert.NotNull(back.QuerySelector($"#search-hits tr[data-person='{person.PersonId}']"));

        // A return address elsewhere than the unit's pages is ignored: saving goes to the batch page.
        foreach (var unsafeUrl in new[] { "https://evil.example/Unit/", "//evil.example/Unit/", "/\\evil.example", "/Admin/Units", "/Unit/../Admin", "javascript:alert(1)" })
        {
            var page = $"/Unit/Persons/Edit/{person.BatchId}/{person.PersonId}?returnUrl={Uri.EscapeDataString(unsafeUrl)}";
            var form = await clerk.GetOkPageAsync(page);
            Assert.DoesNotContain(form.QuerySelectorAll("a"), a => a.GetAttribute("href") == unsafeUrl);
            var response = await clerk.SubmitAsync(form, page, "form.card", new() { ["Form.Phone"] = "13800000002" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Unit/Batches/Details/{person.BatchId}", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Editing_from_the_check_page_returns_there_with_the_filter_kept()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var (person, _) = await SeedAsync(Factory, unit.Id, [("上官燕", Ids.Make(year: 1982, month: 7, day: 13, male: false), false), ("上官燕", Ids.Make(year: 1982, month: 7, day: 14, male: false), false)], []);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        await RecheckAsync(clerk, person);

        var filter = "?errorsOnly=false&code=SAME_NAME&group=&p=1";
        var check = await clerk.GetOkPageAsync($"/Unit/Batches/Check/{person.BatchId}{filter}");
        var edit = check.QuerySelector($"#check-grid tr[data-person='{person.PersonId}'] a[href^='/Unit/Persons/Edit/']")!.GetAttribute("href")!;
        Assert.Contains("returnUrl=", edit);
        var saved = await clerk.SubmitAsync(edit, "form.card", new() { ["Form.Phone"] = "13800000003" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Unit/Batches/Check/{person.BatchId}{filter}", saved.Headers.Location!.OriginalString);

        var details = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{person.BatchId}");
        var fromDetails = details.QuerySelector("#persons a[href^='/Unit/Persons/Edit/']")!.GetAttribute("href")!;
        Assert.Contains("returnUrl=" + Uri.EscapeDataString($"/Unit/Batches/Details/{person.BatchId}"), fromDetails);
    }

    [Fact]
    public async Task A_saved_person_with_errors_is_not_called_unsaved()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var (_, wrong) = await SeedAsync(Factory, unit.Id, [], [("慕容雪", Ids.Make(year: 1983, month: 8, day: 15, male: false), true)]);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);

        var page = await clerk.GetOkPageAsync($"/Unit/Persons/Edit/{wrong.BatchId}/{wrong.PersonId}");
        var notice = page.QuerySelector(".notice.error")!.TextContent;
        Assert.DoesNotContain("尚未保存", notice);
        Assert.Contains("已保存", notice);

        var refused = await clerk.SubmitAsync($"/Unit/Persons/Edit/{wrong.BatchId}/{wrong.PersonId}", "form.card", new() { ["Form.Phone"] = "13800000004" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("尚未保存", text);
        Assert.Contains("这次的修改没有保存", text);
    }

    [Fact]
    public async Task Persons_without_a_register_entry_get_the_unit_types_default_category()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        var typed = Ids.Make(year: 1984, month: 9, day: 16);
        var response = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", PortalTests.PersonFormValues("东方亮", typed, "男"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var uploaded = Ids.Make(year: 1984, month: 9, day: 17, male: false);
        var template = await RosterTests.DownloadTemplateAsync(clerk, batchId);
        var file = RosterFiles.Fill(template, new Dictionary<int, Dictionary<R, RosterValue>>
        {
            [2] = new() { [R.Name] = "东方红", [R.IdNumber] = uploaded, [R.Sex] = "女", [R.Ethnicity] = "01 汉族", [R.Phone] = "13912345678", [R.Postcode] = "261041", [R.Address] = "山东省潍坊市奎文区示例路8号" },
        });
        await RosterTests.UploadAsync(clerk, batchId, "花名册.xlsx", file);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var categories = await db.Persons.Where(p => p.BatchId == batchId).ToDictionaryAsync(p => p.IdNumber, p => p.Category);
        Assert.Equal("在职", categories[typed]);
        Assert.Equal("在职", categories[uploaded]);
    }

    [Fact]
    public async Task Help_and_search_are_linked_from_every_unit_page_and_the_help_explains_steps_photos_and_colours()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk);
        foreach (var url in new[] { "/Unit", $"/Unit/Batches/Details/{batchId}", $"/Unit/Batches/Check/{batchId}", $"/Unit/Persons/Edit/{batchId}", "/Unit/Persons/Search", "/Unit/Help" })
        {
            var page = await clerk.GetOkPageAsync(url);
            Assert.NotNull(page.QuerySelector("header nav a[href='/Unit/Help']"));
            Assert.NotNull(page.QuerySelector("header nav a[href='/Unit/Persons/Search']"));
        }

        var help = (await clerk.GetOkPageAsync("/Unit/Help")).Body!.TextContent;
        foreach (var expected in new[] { "下载花名册模板", "上传花名册", "标注了错误的花名册", "上传照片", "申报", "打印汇总表", "撤销申报", "358", "441", "14–40 KB", "白色背景", "不要把小照片放大", "红色", "黄色", "绿色" })
        {
            Assert.Contains(expected, help);
        }
    }

    [Fact]
    public async Task Photo_page_shows_Chinese_units_and_tells_to_retake_a_too_small_photo()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var id = Ids.Make(year: 1985, month: 10, day: 18);
        var (person, _) = await SeedAsync(Factory, unit.Id, [("皇甫明", id, false)], []);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        await PhotoTests.UploadPhotosAsync(clerk, person.BatchId, id + ".jpg", PhotoFiles.DrawnFigure(width: 300, height: 370));

        var page = await clerk.GetOkPageAsync($"/Unit/Persons/Photo/{person.BatchId}/{person.PersonId}");
        var text = page.QuerySelector("#photo-current")!.TextContent;
        Assert.Contains("重新拍摄", text);
        Assert.DoesNotContain("请裁剪为", text);
        var measurements = page.QuerySelector("#photo-measurements")!.TextContent;
        Assert.Contains("KB", measurements);
        Assert.Contains("像素", measurements);
        foreach (var english in new[] { "bytes", "luma", "laplacian", "variance", "rgb", "px", "quality" })
        {
            Assert.DoesNotContain(english, measurements, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<IHtmlDocument> SearchAsync(PortalClient clerk, string query) =>
        await clerk.GetOkPageAsync("/Unit/Persons/Search?q=" + Uri.EscapeDataString(query));

    /// <summary>The check page and the same-name warnings come from a save: re-save the person once through the form.</summary>
    private static async Task RecheckAsync(PortalClient clerk, Seeded person)
    {
        var response = await clerk.SubmitAsync($"/Unit/Persons/Edit/{person.BatchId}/{person.PersonId}", "form.card", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<int> CreateBatchAsync(PortalClient clerk)
    {
        var response = await clerk.SubmitAsync("/Unit", "form[action*='Create']", new() { ["Title"] = "查找测试批次" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Two batches of the unit, stored directly: the first batch's persons, then the second's (a true flag gives the
    /// person the wrong sex for the ID number, a saved error). Gives the first person of each batch.
    /// </summary>
    internal static async Task<(Seeded First, Seeded Second)> SeedAsync(PortalFactory factory, int unitId, (string Name, string Id, bool Wrong)[] firstBatch, (string Name, string Id, bool Wrong)[] secondBatch)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var batches = new List<(CollectionBatch Batch, List<InsuredPerson> Persons)>();
        foreach (var (title, persons) in new[] { ("第一批", firstBatch), ("第二批", secondBatch) })
        {
            var batch = new CollectionBatch(unitId, title, "test", now);
            var added = new List<InsuredPerson>();
            foreach (var (name, id, wrong) in persons)
            {
                var person = new InsuredPerson(unitId, now);
                var male = CitizenId.Parse(id).Id!.Sex == Sex.Male;
                var sex = male != wrong ? "男" : "女";
                person.Apply(PersonValidator.Validate(new PersonInput(name, id, sex, null, "01", "13912345678", "261041", "山东省潍坊市奎文区示例路8号"), TestData.PersonOptions), now);
                batch.AddPerson(person);
                added.Add(person);
            }

            db.Batches.Add(batch);
            batches.Add((batch, added));
        }

        await db.SaveChangesAsync();
        Seeded First(int i) => new(batches[i].Batch.Id, batches[i].Persons.FirstOrDefault()?.Id ?? 0);
        return (First(0), First(1));
    }

    private static string IdEndingInX(int year, int month, int day)
    {
        for (var i = 0; i < 500; i++)
        {
            var id = Ids.Make(year: year, month: month, day: day);
            if (id.EndsWith('X'))
            {
                return id;
            }
        }

        throw new InvalidOperationException("No ID number ending in X for this birth date.");
    }

    internal sealed record Seeded(int BatchId, int PersonId);
}

public sealed class SqlitePersonSearchTests(SqlitePortalFactory factory) : PersonSearchTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresPersonSearchTests(PostgresPortalFactory factory) : PersonSearchTests(factory), IClassFixture<PostgresPortalFactory>;
