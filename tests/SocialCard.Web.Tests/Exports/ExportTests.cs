using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Common;
using SocialCard.Core.Exports;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Exports;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Exports;
using SocialCard.Web.Photos;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Exports;

/// <summary>分批报盘 over HTTP: two exports in a row, who is held back, hall isolation, nothing to export, schools, races.</summary>
public abstract class ExportTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task Export_twice_the_second_zip_holds_only_newly_accepted_persons_in_the_agreed_layout()
    {
        var (hall, unit, clerk) = await UnitOfHallAsync();
        using var clerkLease = clerk;
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var first = await AcceptedBatchAsync(clerk, unit, new PersonSpec("张伟", PhotoOf.Own), new PersonSpec("李娜", PhotoOf.Own));

        var page = await staff.GetOkPageAsync("/Hall/Exports");
        Assert.Equal("2", page.QuerySelector($"#unit-{unit.Id} .ready-count")!.TextContent);
        Assert.Contains($"{unit.Number}out_1.zip", page.QuerySelector($"#unit-{unit.Id} form.export-form")!.TextContent);
        var notice = await ExportAsync(staff, "/Hall/Exports", unit.Id);
        Assert.Contains($"{unit.Number}out_1.zip", notice);

        var (name1, zip1) = await DownloadAsync(staff, "/Hall/Exports", unit.Id, 1);
        Assert.Equal($"{unit.Number}out_1.zip", name1);
        AssertLayout(zip1, unit.Number, 1, first);

        // A second batch: one person with the registry's photo, one the hall holds for a correction.
        var second = await AcceptedBatchAsync(clerk, unit, new PersonSpec("王芳", PhotoOf.Registry), new PersonSpec("刘洋", PhotoOf.Own, Mark: HallMark.Correction));
        page = await staff.GetOkPageAsync($"/Hall/Exports/{unit.Id}");
        Assert.Equal("1", page.QuerySelector($"#unit-{unit.Id} .ready-count")!.TextContent);
        var heldRow = Assert.Single(page.QuerySelectorAll($"#unit-{unit.Id} table.held tbody tr"));
        Assert.Contains("刘洋", heldRow.TextContent);
        Assert.Contains("信息更正", heldRow.TextContent);
        Assert.Contains("姓名与户口簿不一致", heldRow.TextContent);
        Assert.DoesNotContain(second[1].IdNumber, page.Source.Text);

        await ExportAsync(staff, "/Hall/Exports", unit.Id);
        var (name2, zip2) = await DownloadAsync(staff, "/Hall/Exports", unit.Id, 2);
        Assert.Equal($"{unit.Number}out_2.zip", name2);
        var manifest = AssertLayout(zip2, unit.Number, 2, [second[0]]);
        Assert.Equal(0, manifest.PhotoCount);
        Assert.Equal(1, manifest.RegistryPhotoCount);
        Assert.Equal(ExportPhotoSource.Registry, Assert.Single(manifest.Persons).PhotoSource);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var exports = await db.Exports.Where(e => e.UnitId == unit.Id).OrderBy(e => e.Number).ToListAsync();
        Assert.Equal([1, 2], exports.Select(e => e.Number));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip1)), exports[0].Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip2)), exports[1].Sha256);
        Assert.Equal([2, 1], exports.Select(e => e.PersonCount));
        var persons = await db.Persons.Where(p => p.UnitId == unit.Id).ToDictionaryAsync(p => p.Name);
        Assert.Equal(exports[0].Id, persons["张伟"].ExportId);
        Assert.Equal(exports[0].Id, persons["李娜"].ExportId);
        Assert.Equal(exports[1].Id, persons["王芳"].ExportId);
        Assert.Null(persons["刘洋"].ExportId);
        var audits = await db.AuditEntries.Where(a => a.UnitId == unit.Id).ToListAsync();
        Assert.Equal(2, audits.Count(a => a.Action == "ExportData"));
        Assert.Equal(2, audits.Count(a => a.Action == "DownloadExport"));
        Assert.All(audits, a => Assert.DoesNotContain(first[0].IdNumber, a.Changes ?? ""));

        // The history keeps both exports, newest first, with their download links.
        page = await staff.GetOkPageAsync($"/Hall/Exports/{unit.Id}");
        Assert.Equal(["2", "1"], page.QuerySelectorAll($"#unit-{unit.Id} table.history tbody tr").Select(r => r.GetAttribute("data-export")!));
    }

    [Fact]
    public async Task Export_with_nothing_to_export_says_why_in_Chinese_and_changes_nothing()
    {
        var (hall, unit, clerk) = await UnitOfHallAsync();
        using var clerkLease = clerk;
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var persons = await AcceptedBatchAsync(clerk, unit, new PersonSpec("赵敏", PhotoOf.None), new PersonSpec("钱坤", PhotoOf.Own, Mark: HallMark.OnSitePhoto));

        var page = await staff.GetOkPageAsync($"/Hall/Exports/{unit.Id}");
        Assert.Equal("0", page.QuerySelector($"#unit-{unit.Id} .ready-count")!.TextContent);
        Assert.Null(page.QuerySelector($"#unit-{unit.Id} form.export-form"));
        var reasons = page.QuerySelectorAll($"#unit-{unit.Id} table.held tbody tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[3].TextContent);
        Assert.Contains("没有照片", reasons["赵敏"]);
        Assert.Contains("待现场拍照", reasons["钱坤"]);
        Assert.Contains(CitizenId.Mask(persons[0].IdNumber), page.QuerySelector($"#unit-{unit.Id} table.held")!.TextContent);

        var error = await RefusedExportAsync(staff, "/Hall/Exports", unit.Id);
        Assert.Contains("没有可以报盘的人员", error);
        Assert.Contains("未占用报盘编号", error);
        await AssertNothingExportedAsync(unit.Id);

        // After one real export, exporting again with nobody new is refused the same way and takes no number.
        await AcceptedBatchAsync(clerk, unit, new PersonSpec("孙丽", PhotoOf.Own));
        await ExportAsync(staff, "/Hall/Exports", unit.Id);
        var again = await RefusedExportAsync(staff, "/Hall/Exports", unit.Id);
        Assert.Contains("没有可以报盘的人员", again);
        await AcceptedBatchAsync(clerk, unit, new PersonSpec("周杰", PhotoOf.Own));
        await ExportAsync(staff, "/Hall/Exports", unit.Id);
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal([1, 2], await db.Exports.Where(e => e.UnitId == unit.Id).OrderBy(e => e.Number).Select(e => e.Number).ToListAsync());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Factory.ExportDirectory, $"unit-{unit.Id}")).Length);
    }

    [Fact]
    public async Task Hall_staff_of_another_hall_get_404_for_the_unit_its_export_and_its_downloads()
    {
        var (hall, unit, clerk) = await UnitOfHallAsync();
        using var clerkLease = clerk;
        var otherHall = await TestData.CreateHallWithStaffAsync(Factory);
        await AcceptedBatchAsync(clerk, unit, new PersonSpec("吴昊", PhotoOf.Own));
        using var outsider = await PortalClient.SignedInAsync(Factory, otherHall.UserName);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/Hall/Exports/{unit.Id}")).StatusCode);
        var overview = await outsider.GetOkPageAsync("/Hall/Exports");
        Assert.Null(overview.QuerySelector($"#unit-{unit.Id}"));
        var forged = await outsider.PostWithTokenAsync("/Hall/Exports", "/Hall/Exports?handler=Export", new() { ["unit"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await AssertNothingExportedAsync(unit.Id);

        // Without the antiforgery token even the unit's own hall is refused.
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var tokenless = await staff.Http.PostAsync("/Hall/Exports?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string> { ["unit"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        await AssertNothingExportedAsync(unit.Id);

        await ExportAsync(staff, "/Hall/Exports", unit.Id);
        int exportId;
        await using (var scope = Factory.CreateScope())
        {
            exportId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Exports.Where(e => e.UnitId == unit.Id).Select(e => e.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/Hall/Exports?handler=Download&id={exportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Hall/Exports?handler=Download&id=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Hall/Exports?handler=Download&id={exportId}")).StatusCode);

        // Clerks and hall staff cannot use the information centre's page.
        Assert.NotEqual(HttpStatusCode.OK, (await staff.Http.GetAsync("/Admin/Exports")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.Http.GetAsync("/Hall/Exports")).StatusCode);
    }

    [Fact]
    public async Task School_photos_go_in_class_folders_and_the_information_centre_exports_any_unit()
    {
        var (_, school, clerk) = await UnitOfHallAsync(UnitType.School);
        using var clerkLease = clerk;
        var pupils = await AcceptedBatchAsync(clerk, school, new PersonSpec("小明", PhotoOf.Own, "三年级一班"), new PersonSpec("小红", PhotoOf.Own, "三年级二班"), new PersonSpec("小刚", PhotoOf.Own, "三年级一班"));
        var admin = await TestData.CreateAdminAsync(Factory);
        using var centre = await PortalClient.SignedInAsync(Factory, admin);

        var overview = await centre.GetOkPageAsync("/Admin/Exports");
        Assert.Equal("3", overview.QuerySelector($"#unit-{school.Id} .ready-count")!.TextContent);
        await ExportAsync(centre, "/Admin/Exports", school.Id);
        var (name, zip) = await DownloadAsync(centre, "/Admin/Exports", school.Id, 1);
        Assert.Equal($"{school.Number}out_1.zip", name);

        var names = ExportZip.Names(zip);
        Assert.Contains($"{school.Number}/三年级一班/{pupils[0].IdNumber}-小明.jpg", names);
        Assert.Contains($"{school.Number}/三年级一班/{pupils[2].IdNumber}-小刚.jpg", names);
        Assert.Contains($"{school.Number}/三年级二班/{pupils[1].IdNumber}-小红.jpg", names);
        var rows = ExportZip.Roster(zip, $"{school.Number}out_1.xlsx");
        Assert.Equal(["小明", "小刚", "小红"], rows.Select(r => r[RosterColumn.Name].Text));
        Assert.Equal(["三年级一班", "三年级一班", "三年级二班"], rows.Select(r => r[RosterColumn.ClassOrDepartment].Text));

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UnitId == school.Id && a.Action == "DownloadExport" && a.Actor.StartsWith(admin)));
    }

    [Fact]
    public async Task A_photo_gone_from_the_store_or_an_export_file_gone_from_disk_gives_a_Chinese_message_not_a_500()
    {
        var (hall, unit, clerk) = await UnitOfHallAsync();
        using var clerkLease = clerk;
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var persons = await AcceptedBatchAsync(clerk, unit, new PersonSpec("冯一", PhotoOf.Own), new PersonSpec("冯二", PhotoOf.Own));
        string hash;
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            hash = await db.Photos.Where(p => p.PersonId == persons[1].Id).Select(p => p.Hash).SingleAsync();
            Assert.True(await scope.ServiceProvider.GetRequiredService<IPhotoStore>().DeleteAsync(PhotoService.StoreKey(unit.Id), hash));
        }

        var error = await RefusedExportAsync(staff, "/Hall/Exports", unit.Id);
        Assert.Contains("冯二 的照片文件在照片库中找不到", error);
        await AssertNothingExportedAsync(unit.Id);

        await using (var scope = Factory.CreateScope())
        {
            Assert.Equal(hash, await scope.ServiceProvider.GetRequiredService<IPhotoStore>().SaveAsync(PhotoService.StoreKey(unit.Id), persons[1].Photo!));
        }

        await ExportAsync(staff, "/Hall/Exports", unit.Id);
        File.Delete(Path.Combine(Factory.ExportDirectory, $"unit-{unit.Id}", "out_1.zip"));
        var page = await staff.GetOkPageAsync($"/Hall/Exports/{unit.Id}");
        var link = page.QuerySelector($"#unit-{unit.Id} table.history tr[data-export='1'] a")!.GetAttribute("href")!;
        var response = await staff.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await staff.GetOkPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已不在服务器上", after.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task Concurrent_exports_of_one_unit_send_each_person_out_once_and_leave_no_stray_files()
    {
        var (hall, unit, clerk) = await UnitOfHallAsync();
        using var clerkLease = clerk;
        await AcceptedBatchAsync(clerk, unit, new PersonSpec("郑一", PhotoOf.Own), new PersonSpec("郑二", PhotoOf.Registry), new PersonSpec("郑三", PhotoOf.Own));

        async Task<Result<DataExport>> RunAsync()
        {
            await using var scope = Factory.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(ExportScope.ForHall(hall.Id), unit.Id, "并发测试");
        }

        var outcomes = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        var done = Assert.Single(outcomes, o => o.Value is not null);
        Assert.All(outcomes.Where(o => o.Value is null), o => Assert.False(string.IsNullOrEmpty(o.Error)));
        await using var check = Factory.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var export = await db.Exports.SingleAsync(e => e.UnitId == unit.Id);
        Assert.Equal(1, export.Number);
        Assert.Equal(done.Value!.Id, export.Id);
        Assert.All(await db.Persons.Where(p => p.UnitId == unit.Id).ToListAsync(), p => Assert.Equal(export.Id, p.ExportId));
        Assert.Single(await db.AuditEntries.Where(a => a.UnitId == unit.Id && a.Action == "ExportData").ToListAsync());
        Assert.Empty(Directory.GetFiles(Factory.ExportDirectory, "*.tmp"));
        Assert.Equal([Path.Combine(Factory.ExportDirectory, $"unit-{unit.Id}", "out_1.zip")], Directory.GetFiles(Path.Combine(Factory.ExportDirectory, $"unit-{unit.Id}")));
    }

    public enum PhotoOf
    {
        Own,
        Registry,
        None,
    }

    public sealed record PersonSpec(string Name, PhotoOf Photo, string? Class = null, HallMark Mark = HallMark.None);

    public sealed record AddedPerson(int Id, string Name, string IdNumber, byte[]? Photo);

    private async Task<(TestHall Hall, TestUnit Unit, PortalClient Clerk)> UnitOfHallAsync(UnitType type = UnitType.Employer)
    {
        var hall = await TestData.CreateHallWithStaffAsync(Factory);
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: hall.Id, type: type);
        return (hall, unit, await PortalClient.SignedInAsync(Factory, unit.Number));
    }

    /// <summary>
    /// The clerk enters the persons and declares the batch on the unit pages; the hall accepts it. Photos are placed
    /// in the photo store directly (drawn test portraits have no face, which the photo check rightly refuses).
    /// </summary>
    private async Task<List<AddedPerson>> AcceptedBatchAsync(PortalClient clerk, TestUnit unit, params PersonSpec[] specs)
    {
        var batchId = await Rosters.RosterTests.CreateBatchAsync(clerk);
        foreach (var (spec, i) in specs.Select((s, i) => (s, i)))
        {
            var id = Ids.Make(year: 1975 + i, male: i % 2 == 0);
            var response = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", new()
            {
                ["Form.Name"] = spec.Name,
                ["Form.IdNumber"] = id,
                ["Form.Sex"] = i % 2 == 0 ? "男" : "女",
                ["Form.BirthDate"] = "",
                ["Form.Ethnicity"] = "01",
                ["Form.Phone"] = "13912345678",
                ["Form.Postcode"] = "261041",
                ["Form.Address"] = "山东省潍坊市奎文区示例路8号",
                ["Form.ClassOrDepartment"] = spec.Class ?? "",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Own photos before the declaration (a school's batch is not declared while someone lacks one).
        var now = DateTimeOffset.UtcNow;
        var photos = new Dictionary<string, byte[]>();
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<IPhotoStore>();
            var ids = await db.Persons.Where(p => p.BatchId == batchId).ToDictionaryAsync(p => p.Name, p => p.Id);
            foreach (var (spec, i) in specs.Select((s, i) => (s, i)).Where(x => x.s.Photo == PhotoOf.Own))
            {
                var photo = photos[spec.Name] = PhotoFiles.DrawnFigure(shade: (i * 7) % 60);
                var hash = await store.SaveAsync(PhotoService.StoreKey(unit.Id), photo);
                db.Photos.Add(new PersonPhoto(ids[spec.Name], unit.Id, Core.Photos.PhotoKind.Portrait, "photo.jpg", hash, photo.Length, [], [], "test", now));
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync($"/Unit/Batches/Details/{batchId}", "form[action*='Declare']", [])).StatusCode);

        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = await db.Batches.Include(b => b.Persons).SingleAsync(b => b.Id == batchId);
            Assert.Equal(Core.Batches.BatchStatus.Declared, batch.Status);
            // Accepted as the hall would after the comparison; the export does not depend on the registry's answers.
            Assert.True(batch.Accept("受理窗口", DateTimeOffset.UtcNow, notCompared: 0).Succeeded);
            await db.SaveChangesAsync();

            var added = new List<AddedPerson>();
            foreach (var spec in specs)
            {
                var person = batch.Persons.Single(p => p.Name == spec.Name);
                var registry = spec.Photo == PhotoOf.Registry ? ItemResult.Match : ItemResult.NotFound;
                db.Comparisons.Add(new PersonComparison(person.Id, batchId, new RegistryComparison(
                    new RegistryQuery(person.IdNumber, person.Name, person.Sex, person.EthnicityCode, person.BirthDate),
                    ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match, registry), now));
                if (spec.Mark != HallMark.None)
                {
                    Assert.True(person.Mark(spec.Mark, spec.Mark == HallMark.Correction ? "姓名与户口簿不一致" : "照片比对不一致", "受理窗口", now).Succeeded);
                }

                added.Add(new(person.Id, person.Name, person.IdNumber, photos.GetValueOrDefault(spec.Name)));
            }

            await db.SaveChangesAsync();
            return added;
        }
    }

    /// <summary>Presses the unit's 导出 button and returns the notice shown after the redirect.</summary>
    private static async Task<string> ExportAsync(PortalClient user, string basePath, int unitId)
    {
        var response = await user.SubmitAsync($"{basePath}/{unitId}", $"#unit-{unitId} form.export-form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await user.GetOkPageAsync(response.Headers.Location!.OriginalString);
        Assert.Null(page.QuerySelector("[role=alert]"));
        return page.QuerySelector("[role=status]")!.TextContent;
    }

    /// <summary>Posts an export the portal refuses (also where the page shows no button) and returns the error shown.</summary>
    private static async Task<string> RefusedExportAsync(PortalClient user, string basePath, int unitId)
    {
        var response = await user.PostWithTokenAsync($"{basePath}/{unitId}", $"{basePath}?handler=Export", new() { ["unit"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await user.GetOkPageAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelector("[role=alert]")!.TextContent;
    }

    private static async Task<(string FileName, byte[] Zip)> DownloadAsync(PortalClient user, string basePath, int unitId, int number)
    {
        IHtmlDocument page = await user.GetOkPageAsync($"{basePath}/{unitId}");
        var link = page.QuerySelector($"#unit-{unitId} table.history tr[data-export='{number}'] a")!.GetAttribute("href")!;
        var response = await user.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return (response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// The zip holds exactly the roster, a photo per person with their own photo, and the manifest; the roster reads
    /// back with the persons; the photos are the stored bytes; the manifest's sizes and hashes are right.
    /// </summary>
    private static ExportManifest AssertLayout(byte[] zip, string unitNumber, int number, IReadOnlyList<AddedPerson> persons)
    {
        var roster = $"{unitNumber}out_{number}.xlsx";
        var photos = persons.Where(p => p.Photo is not null).ToDictionary(p => $"{unitNumber}/{p.IdNumber}-{p.Name}.jpg");
        Assert.Equal(
            new[] { roster, "manifest.json" }.Concat(photos.Keys).Order(StringComparer.Ordinal),
            ExportZip.Names(zip).Order(StringComparer.Ordinal));
        foreach (var (path, person) in photos)
        {
            Assert.Equal(person.Photo, ExportZip.Entry(zip, path));
        }

        var rows = ExportZip.Roster(zip, roster);
        Assert.Equal(persons.Select(p => (p.Name, p.IdNumber)), rows.Select(r => (r[RosterColumn.Name].Text!, r[RosterColumn.IdNumber].Text!)));

        var manifest = ExportManifest.Read(new MemoryStream(ExportZip.Entry(zip, "manifest.json")))!;
        Assert.Equal(unitNumber, manifest.UnitNumber);
        Assert.Equal(number, manifest.Number);
        Assert.Equal($"{unitNumber}out_{number}.zip", manifest.FileName);
        Assert.Equal(persons.Count, manifest.PersonCount);
        Assert.Equal(photos.Count, manifest.PhotoCount);
        Assert.Equal(ExportZip.Names(zip).Where(n => n != "manifest.json").Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        foreach (var file in manifest.Files)
        {
            var bytes = ExportZip.Entry(zip, file.Path);
            Assert.Equal(bytes.Length, file.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        }

        return manifest;
    }

    private async Task AssertNothingExportedAsync(int unitId)
    {
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Exports.AnyAsync(e => e.UnitId == unitId));
        Assert.False(await db.Persons.AnyAsync(p => p.UnitId == unitId && p.ExportId != null));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UnitId == unitId && a.Action == "ExportData"));
        Assert.False(Directory.Exists(Path.Combine(Factory.ExportDirectory, $"unit-{unitId}")));
        Assert.True(!Directory.Exists(Factory.ExportDirectory) || Directory.GetFiles(Factory.ExportDirectory, "*.tmp").Length == 0);
    }
}

public sealed class SqliteExportTests(SqlitePortalFactory factory) : ExportTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresExportTests(PostgresPortalFactory factory) : ExportTests(factory), IClassFixture<PostgresPortalFactory>;
