using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Tests.Http;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Photos;

/// <summary>Photo uploads over HTTP: naming conventions, the report, hostile archives, review and the hall's override.</summary>
public abstract class PhotoTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task Bulk_zip_with_mixed_naming_conventions_is_matched_and_reported()
    {
        var (unit, clerk, batchId, persons) = await BatchWithPersonsAsync(8);
        using var clerkLease = clerk;
        var legacy15 = await AddPersonAsync(clerk, batchId, "老号码", "150102880730303", "男");
        var files = new List<(string, byte[])>
        {
            ($"{persons[0].Id}.jpg", PhotoFiles.DrawnFigure()),
            ($"{persons[1].Id}-{persons[1].Name}.jpg", PhotoFiles.DrawnFigure()),
            ($"{persons[2].Id}{persons[2].Name}.jpg", PhotoFiles.DrawnFigure()),
            ($"{persons[3].Id.ToLowerInvariant()}.JPG", PhotoFiles.DrawnFigure()),
            ($"照片/{persons[4].Id}-{persons[4].Name}.jpeg", PhotoFiles.DrawnFigure()),
            ($"A{persons[5].Id}{persons[5].Name}.jpg", PhotoFiles.DrawnFigure(100, 64)),
            ($"B{persons[5].Id}{persons[5].Name}.jpg", PhotoFiles.DrawnFigure(100, 64)),
            ($"{persons[6].Id}_{persons[6].Name}.jpg", PhotoFiles.DrawnFigure(300, 400, 72)),
            ("150102880730303.jpg", PhotoFiles.DrawnFigure()),
            ($"{persons[7].Id}.jpg", PhotoFiles.DrawnFigure()),
            ("110101199003070011-外人.jpg", PhotoFiles.DrawnFigure()),
            ("毕业合影.jpg", PhotoFiles.DrawnFigure()),
        };
        _ = legacy15;

        var report = await UploadPhotosAsync(clerk, batchId, "照片.zip", PhotoFiles.Zip(files));
        Assert.Equal("12", report.QuerySelector("#photos-files")!.TextContent.Trim());
        Assert.Equal("10", report.QuerySelector("#photos-matched")!.TextContent.Trim());
        Assert.Equal("2", report.QuerySelector("#photos-unmatched")!.TextContent.Trim());
        var rows = report.QuerySelectorAll("#photo-files tbody tr").ToDictionary(r => r.GetAttribute("data-file")!);
        Assert.Contains(persons[1].Name, rows[$"{persons[1].Id}-{persons[1].Name}.jpg"].TextContent);
        Assert.Contains("身份证国徽面", rows[$"A{persons[5].Id}{persons[5].Name}.jpg"].TextContent);
        Assert.Contains("身份证人像面", rows[$"B{persons[5].Id}{persons[5].Name}.jpg"].TextContent);
        Assert.Contains("老号码", rows["150102880730303.jpg"].TextContent);
        Assert.Contains("PHOTO_DIMENSIONS", rows[$"{persons[6].Id}_{persons[6].Name}.jpg"].TextContent);
        Assert.Contains("PHOTO_DPI", rows[$"{persons[6].Id}_{persons[6].Name}.jpg"].TextContent);
        Assert.Contains("PHOTO_UNMATCHED_FILE", rows["110101199003070011-外人.jpg"].TextContent);
        Assert.Contains("PHOTO_UNMATCHED_FILE", rows["毕业合影.jpg"].TextContent);
        var missing = report.QuerySelector("#photos-still-missing")!.TextContent;
        Assert.Contains("PHOTO_MISSING", missing);
        Assert.Contains(persons[5].Name, missing);
        Assert.DoesNotContain(persons[0].Name, missing);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(10, await db.Photos.CountAsync(p => p.UnitId == unit.Id));
        var dims = await db.Persons.SingleAsync(p => p.BatchId == batchId && p.Name == persons[6].Name);
        Assert.Contains(dims.Findings, f => f.Code == RuleCodes.PhotoDimensions && f.Field == "Photo");
        Assert.True(dims.ErrorCount > 0);
    }

    [Fact]
    public async Task Hostile_files_are_refused_in_Chinese_nothing_of_them_is_stored_and_the_portal_keeps_serving()
    {
        var (unit, clerk, batchId, persons) = await BatchWithPersonsAsync(5);
        using var clerkLease = clerk;
        var truncated = PhotoFiles.DrawnFigure();
        var files = new List<(string, byte[])>
        {
            ($"../../{persons[0].Id}.jpg", PhotoFiles.DrawnFigure()),
            ("nested.zip", PhotoFiles.Zip([($"{persons[1].Id}.jpg", PhotoFiles.DrawnFigure())])),
            ($"{persons[2].Id}.jpg", new byte[40 * 1024 * 1024]),
            ($"{persons[3].Id}.jpg", truncated[..(truncated.Length / 2)]),
            ($"{persons[4].Id}-png.jpg", PhotoFiles.PngSignature),
        };
        var report = await UploadPhotosAsync(clerk, batchId, "攻击.zip", PhotoFiles.Zip(files));
        var rows = report.QuerySelectorAll("#photo-files tbody tr").ToDictionary(r => r.GetAttribute("data-file")!);
        Assert.Contains("不安全", rows[$"{persons[0].Id}.jpg"].TextContent);
        Assert.Contains("套压缩包", rows["nested.zip"].TextContent);
        Assert.Contains("过大", rows[$"{persons[2].Id}.jpg"].TextContent);
        Assert.Contains("PHOTO_UNREADABLE", rows[$"{persons[3].Id}.jpg"].TextContent);
        Assert.Contains("PHOTO_UNREADABLE", rows[$"{persons[4].Id}-png.jpg"].TextContent);

        var huge = await UploadPhotosAsync(clerk, batchId, "huge.zip", PhotoFiles.Zip([($"{persons[0].Id}.jpg", PhotoFiles.HugeHeader())]));
        Assert.Contains("PHOTO_UNREADABLE", huge.QuerySelector("#photo-files")!.TextContent);

        // A damaged archive is refused whole.
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var broken = await PostPhotosAsync(clerk, page, batchId, "broken.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        Assert.Equal(HttpStatusCode.Redirect, broken.StatusCode);
        var after = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        Assert.Contains("压缩包已损坏", after.QuerySelector("[role=alert]")!.TextContent);

        await using (var scope = Factory.CreateScope())
        {
            // Nothing of any hostile file was stored or attached.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Empty(await db.Photos.Where(p => p.UnitId == unit.Id).ToListAsync());
            var persons2 = await db.Persons.Where(p => p.UnitId == unit.Id).ToListAsync();
            Assert.DoesNotContain(persons2.SelectMany(p => p.Findings), f => f.Field == "Photo");
        }

        var unitStore = Path.Combine(Factory.PhotoDirectory, $"unit-{unit.Id}");
        Assert.True(!Directory.Exists(unitStore) || Directory.GetFiles(unitStore, "*", SearchOption.AllDirectories).Length == 0, "Files of the hostile upload reached the photo store.");

        using var health = PortalClient.Create(Factory);
        Assert.Equal(HttpStatusCode.OK, (await health.Http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Single_upload_shows_the_review_with_zones_measurements_and_findings()
    {
        var (_, clerk, batchId, persons) = await BatchWithPersonsAsync(1);
        using var clerkLease = clerk;
        var url = $"/Unit/Persons/Photo/{batchId}/{persons[0].PersonId}";
        var page = await clerk.GetOkPageAsync(url);
        var token = page.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(PhotoFiles.DrawnFigure(dpi: 96)), "photo", "me.jpg" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Http.PostAsync(url, body)).StatusCode);

        var review = await clerk.GetOkPageAsync(url);
        Assert.NotNull(review.QuerySelector("svg.photo-overlay"));
        Assert.Contains("PHOTO_DPI", review.QuerySelector("#photo-findings")!.TextContent);
        Assert.Contains("96", review.QuerySelector("#photo-measurements")!.TextContent);
        var image = review.QuerySelector(".photo-frame img")!.GetAttribute("src")!;
        var response = await clerk.Http.GetAsync(image);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);

        var other = await TestData.CreateUnitWithClerkAsync(Factory);
        using var stranger = await PortalClient.SignedInAsync(Factory, other.Number);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(image)).StatusCode);
    }

    [Fact]
    public async Task A_camera_photo_is_adjusted_shown_beside_the_original_and_accepted_keeping_the_original()
    {
        var (unit, clerk, batchId, persons) = await BatchWithPersonsAsync(1);
        using var clerkLease = clerk;
        var url = $"/Unit/Persons/Photo/{batchId}/{persons[0].PersonId}";
        var camera = Core.Tests.Photos.Fixing.CameraOriginals.Jpeg(Core.Tests.Photos.Fixing.CameraOriginals.Render(1500, 2000, 2.8, 750, 800));
        var page = await clerk.GetOkPageAsync(url);
        var token = page.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(camera), "photo", "camera.jpg" },
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.Http.PostAsync(url, body)).StatusCode);
        }

        var before = await clerk.GetOkPageAsync(url);
        Assert.Contains("PHOTO_DIMENSIONS", before.QuerySelector("#photo-findings")!.TextContent);
        var fix = await clerk.SubmitAsync(before, url, "form[action*='Fix']", []);
        Assert.Equal(HttpStatusCode.Redirect, fix.StatusCode);
        var candidateUrl = fix.Headers.Location!.OriginalString;
        Assert.Contains("candidate=", candidateUrl);

        var review = await clerk.GetOkPageAsync(candidateUrl);
        var after = review.QuerySelector("#photo-candidate")!;
        Assert.Null(after.QuerySelector("#photo-findings .finding-error"));
        Assert.Contains("358 像素", after.QuerySelector("#photo-measurements")!.TextContent);
        Assert.NotNull(review.QuerySelector("#photo-current .photo-frame img"));

        var accept = await clerk.SubmitAsync(review, candidateUrl, "form[action*='Accept']", []);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var photos = await db.Photos.Where(p => p.PersonId == persons[0].PersonId).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(2, photos.Count);
        Assert.False(photos[0].IsCurrent);
        Assert.True(photos[1].IsCurrent);
        Assert.Equal(photos[0].Id, photos[1].DerivedFromPhotoId);
        Assert.DoesNotContain(photos[1].Findings, f => f.Severity == Severity.Error);
        var person = await db.Persons.SingleAsync(p => p.Id == persons[0].PersonId);
        Assert.DoesNotContain(person.Findings, f => f.Field == "Photo" && f.Severity == Severity.Error);
        _ = unit;
    }

    [Fact]
    public async Task Deleting_a_person_removes_their_photo_files_but_keeps_files_other_persons_use()
    {
        var (unit, clerk, batchId, persons) = await BatchWithPersonsAsync(2);
        using var clerkLease = clerk;
        var (deleted, kept) = (persons[0], persons[1]);
        // The deleted person: a camera original, adjusted (自动调整) and accepted (采用), so an original, an adjusted
        // photo and the adjusted candidate; and an ID card scan with the same bytes as the other person's portrait.
        var url = $"/Unit/Persons/Photo/{batchId}/{deleted.PersonId}";
        var camera = Core.Tests.Photos.Fixing.CameraOriginals.Jpeg(Core.Tests.Photos.Fixing.CameraOriginals.Render(1500, 2000, 2.8, 750, 800));
        var token = (await clerk.GetOkPageAsync(url)).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(camera), "photo", "camera.jpg" } })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.Http.PostAsync(url, body)).StatusCode);
        }

        var fix = await clerk.SubmitAsync(url, "form[action*='Fix']", []);
        var candidateUrl = fix.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync(candidateUrl, "form[action*='Accept']", [])).StatusCode);
        var shared = PhotoFiles.DrawnFigure(seed: 7); // not the adjusted photo's bytes (CompliantPortrait is made the same way)
        await UploadPhotosAsync(clerk, batchId, "photos.zip", PhotoFiles.Zip([($"{kept.Id}.jpg", shared), ($"A{deleted.Id}.jpg", shared)]));

        List<string> ownHashes, sharedHashes;
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var photos = await db.Photos.AsNoTracking().Where(p => p.PersonId == deleted.PersonId || p.PersonId == kept.PersonId).ToListAsync();
            sharedHashes = [.. photos.Where(p => p.PersonId == kept.PersonId).Select(p => p.Hash)];
            ownHashes = [.. photos.Where(p => p.PersonId == deleted.PersonId).Select(p => p.Hash).Except(sharedHashes)];
            Assert.Equal(2, ownHashes.Count); // the original and the adjusted photo
            Assert.Equal(3, photos.Count(p => p.PersonId == deleted.PersonId));
        }

        var unitFolder = Path.Combine(Factory.PhotoDirectory, $"unit-{unit.Id}");
        var candidateFolder = Path.Combine(Factory.PhotoDirectory, $"unit-{unit.Id}-person-{deleted.PersonId}-adjusted");
        Assert.All(ownHashes.Concat(sharedHashes), h => Assert.True(File.Exists(Path.Combine(unitFolder, h + ".jpg")), h));
        Assert.NotEmpty(Directory.GetFiles(candidateFolder, "*.jpg"));

        var response = await clerk.PostWithTokenAsync($"/Unit/Batches/Details/{batchId}", $"/Unit/Batches/Details/{batchId}?handler=DeletePerson", new() { ["personId"] = deleted.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.All(ownHashes, h => Assert.False(File.Exists(Path.Combine(unitFolder, h + ".jpg")), "still on disk: " + h));
        Assert.Empty(Directory.GetFiles(candidateFolder, "*.jpg"));
        Assert.True(File.Exists(Path.Combine(unitFolder, sharedHashes.Single() + ".jpg")), "the other person's portrait was removed");
        var kept2 = await clerk.Http.GetAsync($"/Unit/Persons/Photo/{batchId}/{kept.PersonId}");
        Assert.Equal(HttpStatusCode.OK, kept2.StatusCode);
    }

    [Fact]
    public async Task A_delete_that_fails_to_commit_keeps_the_person_and_the_photo_files()
    {
        var (unit, clerk, batchId, persons) = await BatchWithPersonsAsync(1);
        using var clerkLease = clerk;
        await UploadPhotosAsync(clerk, batchId, "photos.zip", PhotoFiles.Zip([($"{persons[0].Id}.jpg", PhotoFiles.CompliantPortrait())]));
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var token = page.QuerySelector("form[action*='DeletePerson'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        string hash;
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            hash = await db.Photos.Where(p => p.PersonId == persons[0].PersonId).Select(p => p.Hash).SingleAsync();
            // The deletion's last statement (its audit record) fails, so its transaction rolls back.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"audit_entries\" RENAME TO \"audit_entries_gone\"");
        }

        HttpResponseMessage response;
        try
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["personId"] = persons[0].PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            response = await clerk.Http.PostAsync($"/Unit/Batches/Details/{batchId}?handler=DeletePerson", form);
        }
        finally
        {
            await using var scope = Factory.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE \"audit_entries_gone\" RENAME TO \"audit_entries\"");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.Persons.AnyAsync(p => p.Id == persons[0].PersonId));
            Assert.True(await db.Photos.AnyAsync(p => p.PersonId == persons[0].PersonId));
        }

        Assert.True(File.Exists(Path.Combine(Factory.PhotoDirectory, $"unit-{unit.Id}", hash + ".jpg")), "the photo of a person still stored was removed");
    }

    [Fact]
    public async Task Hall_staff_accept_warnings_with_a_reason_but_not_errors_and_only_for_their_own_units()
    {
        var hall = await TestData.CreateHallWithStaffAsync(Factory);
        var otherHall = await TestData.CreateHallWithStaffAsync(Factory);
        var (unit, clerk, batchId, persons) = await BatchWithPersonsAsync(2, hall.Id);
        using var clerkLease = clerk;
        int warningPhoto, errorPhoto;
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var warning = new PersonPhoto(persons[0].PersonId, unit.Id, PhotoKind.Portrait, "a.jpg", new string('a', 64), 100, [],
                [new Finding(RuleCodes.PhotoHeadTop, Severity.Warning, "Photo", "头顶距上边 24 像素，应为 7–21 像素")], "test", DateTimeOffset.UtcNow);
            var error = new PersonPhoto(persons[1].PersonId, unit.Id, PhotoKind.Portrait, "b.jpg", new string('b', 64), 100, [],
                [new Finding(RuleCodes.PhotoEyesX, Severity.Error, "Photo", "两眼中点距左边 150 像素，应为 162–196 像素")], "test", DateTimeOffset.UtcNow);
            db.Photos.AddRange(warning, error);
            await db.SaveChangesAsync();
            (warningPhoto, errorPhoto) = (warning.Id, error.Id);
        }

        using var outsider = await PortalClient.SignedInAsync(Factory, otherHall.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/Hall/Photos/Review/{warningPhoto}")).StatusCode);

        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var errorPage = await staff.GetOkPageAsync($"/Hall/Photos/Review/{errorPhoto}");
        Assert.Null(errorPage.QuerySelector("input[name=reason]"));
        var refused = await staff.PostWithTokenAsync($"/Hall/Photos/Review/{warningPhoto}", $"/Hall/Photos/Review/{errorPhoto}", new() { ["reason"] = "看过了" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        var accepted = await staff.SubmitAsync($"/Hall/Photos/Review/{warningPhoto}", "main form", new() { ["reason"] = "人工核对：发型较高，眼线合格" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var check = Factory.CreateScope();
        var db2 = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("人工核对：发型较高，眼线合格", (await db2.Photos.SingleAsync(p => p.Id == warningPhoto)).OverrideReason);
        Assert.Null((await db2.Photos.SingleAsync(p => p.Id == errorPhoto)).OverrideReason);
        Assert.True(await db2.AuditEntries.AnyAsync(a => a.Action == "OverridePhotoWarnings" && a.EntityId == warningPhoto.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<(TestUnit Unit, PortalClient Clerk, int BatchId, List<(int PersonId, string Id, string Name)> Persons)> BatchWithPersonsAsync(int count, int? hallId = null)
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: hallId);
        var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await Rosters.RosterTests.CreateBatchAsync(clerk);
        var persons = new List<(int, string, string)>();
        string[] names = ["赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八"];
        for (var i = 0; i < count; i++)
        {
            var id = Ids.Make(year: 1980 + i, male: i % 2 == 0);
            persons.Add((await AddPersonAsync(clerk, batchId, names[i], id, i % 2 == 0 ? "男" : "女"), id, names[i]));
        }

        return (unit, clerk, batchId, persons);
    }

    private async Task<int> AddPersonAsync(PortalClient clerk, int batchId, string name, string id, string sex)
    {
        var values = new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.IdNumber"] = id,
            ["Form.Sex"] = sex,
            ["Form.BirthDate"] = "",
            ["Form.Ethnicity"] = "01",
            ["Form.Phone"] = "13912345678",
            ["Form.Postcode"] = "261041",
            ["Form.Address"] = "山东省潍坊市奎文区示例路8号",
        };
        var response = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", values);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            // A 15-digit number is an error the form refuses; such persons arrive through a roster. Store it directly.
            await using var scope = Factory.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = await db.Batches.SingleAsync(b => b.Id == batchId);
            var (person, _) = batch.CreatePerson(DateTimeOffset.UtcNow);
            person!.Apply(PersonValidator.Validate(new PersonInput(name, id, sex, null, "01", "13912345678", "261041", "潍坊市奎文区"), TestData.PersonOptions), DateTimeOffset.UtcNow);
            db.Persons.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        }

        await using var s = Factory.CreateScope();
        return await s.ServiceProvider.GetRequiredService<AppDbContext>().Persons.Where(p => p.BatchId == batchId && p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task A_loose_file_over_the_per_file_limit_is_refused_like_a_zip_entry_and_the_others_are_kept()
    {
        var (unit, clerk, batchId, persons) = await BatchWithPersonsAsync(2);
        using var clerkLease = clerk;
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var form = page.QuerySelector("form[action*='UploadPhotos']")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[13 * 1024 * 1024]), "photos", $"{persons[0].Id}.jpg" },
            { new ByteArrayContent(PhotoFiles.DrawnFigure()), "photos", $"{persons[1].Id}.jpg" },
        };
        var response = await clerk.Http.PostAsync(form.GetAttribute("action"), body);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = await clerk.GetOkPageAsync(response.Headers.Location!.OriginalString);
        var rows = report.QuerySelectorAll("#photo-files tbody tr").ToDictionary(r => r.GetAttribute("data-file")!);
        Assert.Contains("文件过大", rows[$"{persons[0].Id}.jpg"].TextContent);
        Assert.Contains("不能超过 12 MB", rows[$"{persons[0].Id}.jpg"].TextContent);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var photoOwners = await db.Photos.Where(p => p.UnitId == unit.Id).Select(p => p.PersonId).ToListAsync();
        Assert.Equal([persons[1].PersonId], photoOwners);
    }

    [Fact]
    public async Task An_upload_sent_by_the_progress_script_is_answered_with_the_next_address_and_keeps_its_message()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await Rosters.RosterTests.CreateBatchAsync(clerk);
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var form = page.QuerySelector("form[action*='UploadPhotos']")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("PK not a zip")), "photos", "坏的.zip" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = body };
        request.Headers.Add("X-Upload-Progress", "1");
        var response = await clerk.Http.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.Location}");
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal($"/Unit/Batches/Details/{batchId}", answer.GetProperty("redirect").GetString());
        var next = await clerk.GetOkPageAsync(answer.GetProperty("redirect").GetString()!);
        Assert.Contains("坏的.zip：", next.QuerySelector("[role=alert]")?.TextContent);
    }

    internal static async Task<IHtmlDocument> UploadPhotosAsync(PortalClient clerk, int batchId, string fileName, byte[] content)
    {
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var response = await PostPhotosAsync(clerk, page, batchId, fileName, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/Unit/Batches/Photos/{batchId}", response.Headers.Location!.OriginalString);
        return await clerk.GetOkPageAsync(response.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> PostPhotosAsync(PortalClient clerk, IHtmlDocument page, int batchId, string fileName, byte[] content)
    {
        var form = page.QuerySelector("form[action*='UploadPhotos']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "photos", fileName },
        };
        return await clerk.Http.PostAsync(form.GetAttribute("action"), body);
    }
}

public sealed class SqlitePhotoTests(SqlitePortalFactory factory) : PhotoTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresPhotoTests(PostgresPortalFactory factory) : PhotoTests(factory), IClassFixture<PostgresPortalFactory>;
