using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Data;
using SocialCard.Web.Tests.Browser;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Uploads;

/// <summary>
/// Large uploads over real Kestrel (the in-memory TestServer does not enforce Kestrel's request body limit):
/// a 60 MB photo zip is taken, a 250 MB one and a roster beyond what the portal receives (twice Rosters:MaxBytes)
/// are refused with the portal's Chinese message before the body is read, and nothing of them is stored. A roster
/// between the limit and that is recorded as refused (<see cref="OversizeRosterTests"/>).
/// </summary>
public abstract class LargeUploadTests(KestrelPortal factory)
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_60_MB_photo_zip_is_accepted_and_every_person_gets_a_photo()
    {
        var (unit, clerk, batchId) = await BatchAsync();
        using var lease = clerk;
        var zipPath = Path.Combine(Path.GetTempPath(), $"socialcard-60mb-{Guid.NewGuid():N}.zip");
        try
        {
            var ids = await WritePhotoZipAsync(zipPath, batchId, 60 * Megabyte);
            var response = await UploadForms.PostAsync(clerk, batchId, "UploadPhotos", "photos", "照片.zip", new StreamContent(File.OpenRead(zipPath)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"/Unit/Batches/Photos/{batchId}?upload=", response.Headers.Location!.OriginalString);
            var report = await clerk.GetOkPageAsync(response.Headers.Location!.OriginalString);
            Assert.Equal((ids.Count * 3).ToString(System.Globalization.CultureInfo.InvariantCulture), report.QuerySelector("#photos-matched")!.TextContent.Trim());

            await using var scope = factory.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var current = await db.Photos.Where(p => p.UnitId == unit.Id && p.IsCurrent).ToListAsync();
            Assert.Equal(ids.Count, current.Where(p => p.Kind == PhotoKind.Portrait).Select(p => p.PersonId).Distinct().Count());
            Assert.Equal(ids.Count * 3, current.Count);
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [Fact]
    public async Task A_250_MB_photo_upload_is_refused_in_Chinese_before_it_is_read_and_nothing_is_stored()
    {
        var (unit, clerk, batchId) = await BatchAsync();
        using var lease = clerk;
        // As curl does for large bodies: the server may answer before the body is sent.
        clerk.Http.DefaultRequestHeaders.ExpectContinue = true;
        var body = new PaddingStream(250 * Megabyte);
        var response = await UploadForms.PostAsync(clerk, batchId, "UploadPhotos", "photos", "照片.zip", new StreamContent(body));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Unit/Batches/Details/{batchId}", response.Headers.Location!.OriginalString);
        Assert.True(body.Sent < 100 * Megabyte, $"The portal read {body.Sent / Megabyte} MB of a body it could refuse from its length.");

        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        Assert.Contains("一次上传不能超过 200 MB，请分几次上传。照片一张也没有保存。", page.QuerySelector("[role=alert]")!.TextContent);

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.PhotoUploads.AnyAsync(u => u.BatchId == batchId));
        Assert.False(await db.Photos.AnyAsync(p => p.UnitId == unit.Id));
    }

    [Fact]
    public async Task A_roster_beyond_what_the_portal_receives_is_refused_in_Chinese_on_the_page_and_as_problem_JSON_on_the_API()
    {
        var (unit, clerk, batchId) = await BatchAsync();
        using var lease = clerk;
        clerk.Http.DefaultRequestHeaders.ExpectContinue = true;
        var response = await UploadForms.PostAsync(clerk, batchId, "Upload", "roster", "花名册.xlsx", new StreamContent(new PaddingStream(60 * Megabyte)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var refused = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var alert = refused.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("文件太大（超过 40 MB），上限为 20 MB", alert);
        Assert.Contains("批次未作任何改动", alert);

        using var api = new HttpClient { BaseAddress = factory.Start() };
        api.DefaultRequestHeaders.Add("X-Api-Key", await ApiClients.IssueKeyAsync(factory, unit.Id));
        api.DefaultRequestHeaders.ExpectContinue = true;
        using var apiBody = new MultipartFormDataContent { { new StreamContent(new PaddingStream(60 * Megabyte)), "file", "roster.csv" } };
        var apiResponse = await api.PostAsync($"/api/v1/batches/{batchId}/roster", apiBody);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, apiResponse.StatusCode);
        Assert.Equal("application/problem+json", apiResponse.Content.Headers.ContentType?.MediaType);
        var problem = await apiResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("上限为 20 MB", problem.GetProperty("detail").GetString());

        await using var check = factory.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().RosterUploads.AnyAsync(u => u.BatchId == batchId));
    }

    private async Task<(TestUnit Unit, PortalClient Clerk, int BatchId)> BatchAsync()
    {
        factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        var clerk = await factory.SignedInOverHttpAsync(unit.Number);
        return (unit, clerk, await Rosters.RosterTests.CreateBatchAsync(clerk));
    }

    /// <summary>
    /// Writes a unit's photo folder as a zip until it reaches <paramref name="size"/>: per person a card portrait
    /// and the scans of both sides of the ID card (about 1 MB each: scanner noise keeps JPEG from shrinking them;
    /// each file carries its person's number in a JPEG comment, as scanners label their files, so no two are
    /// alike), and adds those persons to the batch; returns their ID numbers.
    /// </summary>
    private async Task<List<string>> WritePhotoZipAsync(string path, int batchId, long size)
    {
        var ids = new List<string>();
        var (front, back) = (PhotoFiles.DrawnFigure(1600, 1100, noise: 40, seed: 1, quality: 92), PhotoFiles.DrawnFigure(1600, 1100, noise: 40, seed: 2, quality: 92));
        await using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            while (file.Length < size)
            {
                var (id, name) = (Ids.Make(year: 1960 + ids.Count, male: ids.Count % 2 == 0), NameOf(ids.Count));
                await AddAsync($"{id}-{name}.jpg", PhotoFiles.DrawnFigure(noise: 4, seed: ids.Count));
                await AddAsync($"A{id}{name}.jpg", PhotoFiles.WithComment(front, id));
                await AddAsync($"B{id}{name}.jpg", PhotoFiles.WithComment(back, id));
                ids.Add(id);
            }

            async Task AddAsync(string name, byte[] content)
            {
                await using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                await stream.WriteAsync(content);
            }
        }

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.Batches.SingleAsync(b => b.Id == batchId);
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var (person, _) = batch.CreatePerson(DateTimeOffset.UtcNow);
            person!.Apply(PersonValidator.Validate(new PersonInput(NameOf(i), id, i % 2 == 0 ? "男" : "女", null, "01", "13912345678", "261041", "潍坊市奎文区"), TestData.PersonOptions), DateTimeOffset.UtcNow);
            db.Persons.Add(person);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private static string NameOf(int i) => "测试" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅卯辰巳午未申酉戌亥"[i / 10 % 12];
}

public sealed class SqliteLargeUploadTests(KestrelPortalFactory factory) : LargeUploadTests(factory), IClassFixture<KestrelPortalFactory>;

public sealed class PostgresLargeUploadTests(PostgresKestrelPortalFactory factory) : LargeUploadTests(factory), IClassFixture<PostgresKestrelPortalFactory>;
