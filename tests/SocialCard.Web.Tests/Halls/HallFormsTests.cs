using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Halls;

/// <summary>
/// The hall prints 社会保障卡申领表 and 个人信息确认表 of a declared batch (/Hall/Batches/Forms/{id}): every page is
/// rendered with pdftoppm, photos are found by their colours inside the photo box, and another hall gets 404.
/// </summary>
public abstract class HallFormsTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    // The application form's photo box (ApplicationFormPdf): 26 × 32 mm from (159 mm, 38 mm) on the page.
    private const double PhotoCentreX = 159 + 13;
    private const double FaceY = 38 + (0.42 * 32);
    private const double ShouldersY = 38 + (0.9 * 32);
    private const double EmptyBoxY = 38 + 6;

    private static readonly string[] RareNames = ["王𠀀", "刘䶮", "张堃", "赵赟", "阿依古丽·买买提"];

    private const string OutsideRegistry = "370211";

    private string _legacy15 = "";
    private string _legacy18 = "";

    [Fact]
    public async Task Application_forms_of_all_matched_persons_one_page_each_with_rare_names_and_the_portal_photo()
    {
        var (staff, batchId, ids) = await DeclaredAndComparedAsync();
        await HallScenario.AttachPortraitAsync(Factory, ids["王𠀀"], Infrastructure.PhotoFiles.DrawnFigure());
        // 张堃's photo has no JFIF (APP0) segment, which PDFsharp refuses to embed: it is re-encoded for printing.
        var portrait = Infrastructure.PhotoFiles.DrawnFigure(shade: 10);
        Assert.Equal(0xE0, portrait[3]);
        var withoutApp0 = portrait[..2].Concat(portrait[(4 + ((portrait[4] << 8) | portrait[5]))..]).ToArray();
        Assert.Equal(0xDB, withoutApp0[3]);
        await HallScenario.AttachPortraitAsync(Factory, ids["张堃"], withoutApp0);

        var pdf = await PdfPages.ReadAsync(await staff.Http.GetAsync($"/Hall/Batches/Forms/{batchId}?handler=Application"), $"hall-application-form-{Factory.Provider}");

        Assert.Equal(RareNames.Length, pdf.Count);
        Assert.Contains("社会保障卡申领表", pdf.Text);
        Assert.Contains("单位联系人", pdf.Text); // the unit's contact person and phone (TestData's complete profile)
        Assert.Contains("测试联系人", pdf.Text);
        Assert.Contains("0536-8234567", pdf.Text);
        foreach (var name in new[] { "刘䶮", "张堃", "赵赟", "阿依古丽·买买提" })
        {
            Assert.Contains(name, pdf.Text);
        }

        Assert.DoesNotContain("钱多多", pdf.Text);
        Assert.Contains("HanaMin", pdf.Fonts); // 𠀀 (extension B) is drawn with the Hanazono fallback font
        // Page 1 is 王𠀀's, with the uploaded portrait: face and dark shoulders inside the photo box.
        var face = pdf.AverageColour(0, PhotoCentreX, FaceY);
        Assert.True(face.R > 190 && face.G is > 140 and < 220 && face.B is > 110 and < 190, $"face colour {face}");
        var shoulders = pdf.AverageColour(0, PhotoCentreX, ShouldersY);
        Assert.True(shoulders.R < 90 && shoulders.B < 120, $"shoulders colour {shoulders}");
        // Page 2 (刘䶮) has no photo anywhere (the registry does not hold the person): an empty, white box.
        var empty = pdf.AverageColour(1, PhotoCentreX, EmptyBoxY);
        Assert.True(empty.R > 240 && empty.G > 240 && empty.B > 240, $"empty box colour {empty}");

        var reencoded = pdf.AverageColour(2, PhotoCentreX, FaceY);
        Assert.True(reencoded.R > 180 && reencoded.G is > 130 and < 210 && reencoded.B < 180, $"re-encoded face colour {reencoded}");

        var audit = await HallScenario.QueryAsync(Factory, db => db.AuditEntries.Where(a => a.Action == "PrintApplicationForms" && a.EntityId == batchId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("\"Persons\":5", entry.Changes!);
        Assert.Contains("\"PortalPhotos\":2", entry.Changes!);
    }

    [Fact]
    public async Task Application_form_takes_the_registry_photo_when_the_portal_has_none_and_waits_while_the_registry_is_down()
    {
        var registry = Factory.Services.GetRequiredService<MockIdentityRegistry>();
        var start = Random.Shared.NextInt64(0, registry.Options.Size - 500);
        var known = RegistryPopulation.Persons(registry.Options.Seed, 500, start)
            .First(p => p.HasPhoto && p.BirthDate.Year is >= 1955 and <= 2005 && registry.PlantedDifference(p.IdNumber) == RegistryDifference.None);
        var hall = await TestData.CreateHallWithStaffAsync(Factory);
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: hall.Id);
        var (batchId, ids) = await HallScenario.BatchAsync(Factory, unit, [new(known.Name, known.IdNumber, Ethnicity: known.EthnicityCode)]);
        await HallScenario.CompareAsync(Factory, batchId, new Dictionary<int, ComparisonOutcome> { [ids[known.Name]] = ComparisonOutcome.Matched });
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var url = $"/Hall/Batches/Forms/{batchId}?handler=Application";

        registry.IsAvailable = false;
        try
        {
            Assert.Contains("身份信息库暂时无法访问", await HallScenario.RefusalAsync(staff, await staff.Http.GetAsync(url)));
        }
        finally
        {
            registry.IsAvailable = true;
        }

        var pdf = await PdfPages.ReadAsync(await staff.Http.GetAsync(url));
        Assert.Equal(1, pdf.Count);
        var face = pdf.AverageColour(0, PhotoCentreX, FaceY);
        Assert.True(face.R > 180 && face.G is > 140 and < 220 && face.B is > 110 and < 190, $"registry photo face colour {face}");
        var audit = await HallScenario.QueryAsync(Factory, db => db.AuditEntries.Where(a => a.Action == "PrintApplicationForms" && a.EntityId == batchId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains("\"RegistryPhotos\":1", Assert.Single(audit).Changes!);
    }

    [Fact]
    public async Task Application_forms_of_a_posted_selection_need_the_antiforgery_token()
    {
        var (staff, batchId, ids) = await DeclaredAndComparedAsync();
        var page = $"/Hall/Batches/Forms/{batchId}";
        var url = $"{page}?handler=Application";

        // A mismatched person may be selected too (the staff member decides).
        var selection = HallScenario.Ids(ids["刘䶮"], ids["钱多多"]);
        var pdf = await PdfPages.ReadAsync(await HallScenario.PostAsync(staff, page, url, selection));
        Assert.Equal(2, pdf.Count);
        Assert.Contains("钱多多", pdf.Text);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.Http.PostAsync(url, new FormUrlEncodedContent(selection))).StatusCode);
        Assert.Contains("请先勾选", await HallScenario.RefusalAsync(staff, await HallScenario.PostAsync(staff, page, url, [])));
        Assert.Contains("不在本批次", await HallScenario.RefusalAsync(staff, await HallScenario.PostAsync(staff, page, url, HallScenario.Ids(987654))));

        // The page lists the persons with checkboxes and both print buttons.
        var document = await staff.GetOkPageAsync(page);
        Assert.Equal(RareNames.Length + 2, document.QuerySelectorAll("form#selection input[type=checkbox][name=ids]").Length);
        Assert.NotNull(document.QuerySelector("button[formaction*='handler=Confirmation']"));
    }

    [Fact]
    public async Task Confirmation_forms_of_all_not_matched_persons_show_both_ID_numbers_of_a_legacy_number()
    {
        var (staff, batchId, ids) = await DeclaredAndComparedAsync();
        var pdf = await PdfPages.ReadAsync(await staff.Http.GetAsync($"/Hall/Batches/Forms/{batchId}?handler=Confirmation"), $"hall-confirmation-form-{Factory.Provider}");

        Assert.Equal(2, pdf.Count); // 钱多多 (mismatched) and 孙一 (not found)
        Assert.Contains("个人信息确认表", pdf.Text);
        Assert.Contains("单位联系人：测试联系人", pdf.Text);
        Assert.Contains("0536-8234567", pdf.Text);
        foreach (var item in new[] { "身份证号码", "姓名", "性别", "民族", "出生日期", "相片" })
        {
            Assert.Contains(item, pdf.Text);
        }

        Assert.Contains("钱多多", pdf.Text);
        Assert.Contains("孙一", pdf.Text);
        Assert.Contains(_legacy15, pdf.Text);
        Assert.Contains(_legacy18, pdf.Text);
        Assert.Contains("15 位号码", pdf.Text);
        // 钱多多's four matching items come ticked (name differs, no registry photo); the unknown 孙一's none; the instructions once a page.
        Assert.Equal(4 + 0 + 2, pdf.Text.Split("---").Length - 1);

        // A selection: 王𠀀 (with a portal photo) and a minority name; neither has a legacy number.
        await HallScenario.AttachPortraitAsync(Factory, ids["王𠀀"], Infrastructure.PhotoFiles.DrawnFigure());
        var selection = HallScenario.Ids(ids["王𠀀"], ids["阿依古丽·买买提"]);
        var selected = await PdfPages.ReadAsync(
            await HallScenario.PostAsync(staff, $"/Hall/Batches/Forms/{batchId}", $"/Hall/Batches/Forms/{batchId}?handler=Confirmation", selection),
            $"hall-confirmation-form-selected-{Factory.Provider}");
        Assert.Equal(2, selected.Count);
        Assert.Contains("阿依古丽·买买提", selected.Text);
        Assert.Contains("维吾尔族", selected.Text);
        Assert.Contains("已采集", selected.Text); // 王𠀀's photo
        Assert.Contains("使用身份信息库相片", selected.Text); // the minority name's photo is the registry's
        // Every item of both matched persons comes ticked with "---" (6 each), plus the instructions once a page.
        Assert.Equal((2 * 6) + 2, selected.Text.Split("---").Length - 1);
        Assert.Contains("HanaMin", selected.Fonts);
        Assert.DoesNotContain("15 位号码", selected.Text);

        Assert.True(await HallScenario.QueryAsync(Factory, db => db.AuditEntries.CountAsync(a => a.Action == "PrintConfirmationForms")) >= 2);
    }

    [Fact]
    public async Task Forms_are_refused_in_Chinese_for_a_draft_batch_and_when_nothing_matched()
    {
        var hall = await TestData.CreateHallWithStaffAsync(Factory);
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: hall.Id);
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);

        var (draft, _) = await HallScenario.BatchAsync(Factory, unit, [new("周草稿", Ids.Make(year: 1981))], declare: false);
        Assert.Contains("只有已申报或已受理", await HallScenario.RefusalAsync(staff, await staff.Http.GetAsync($"/Hall/Batches/Forms/{draft}?handler=Application")));

        // Declared, not compared yet: nobody matched, nobody to confirm.
        var (declared, _) = await HallScenario.BatchAsync(Factory, unit, [new("吴未比", Ids.Make(year: 1982))]);
        Assert.Contains("还没有比对一致的人员", await HallScenario.RefusalAsync(staff, await staff.Http.GetAsync($"/Hall/Batches/Forms/{declared}?handler=Application")));
        Assert.Contains("没有比对不一致", await HallScenario.RefusalAsync(staff, await staff.Http.GetAsync($"/Hall/Batches/Forms/{declared}?handler=Confirmation")));
    }

    [Fact]
    public async Task Another_hall_gets_404_for_the_batch_forms()
    {
        var (_, batchId, ids) = await DeclaredAndComparedAsync();
        var other = await TestData.CreateHallWithStaffAsync(Factory);
        using var stranger = await PortalClient.SignedInAsync(Factory, other.UserName);
        var page = $"/Hall/Batches/Forms/{batchId}";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"{page}?handler=Application")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"{page}?handler=Confirmation")).StatusCode);
        var posted = await HallScenario.PostAsync(stranger, "/Hall", $"{page}?handler=Application", HallScenario.Ids(ids["张堃"]));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(0, await HallScenario.QueryAsync(Factory, db => db.AuditEntries.CountAsync(a => a.Action == "PrintApplicationForms" && a.EntityId == batchId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// A hall, a unit of it and a declared batch: the five rare names matched, 钱多多 (legacy 15-digit number held as
    /// the original) mismatched, 孙一 not found. Returns the hall staff's client.
    /// </summary>
    private async Task<(PortalClient Staff, int BatchId, Dictionary<string, int> Ids)> DeclaredAndComparedAsync()
    {
        var hall = await TestData.CreateHallWithStaffAsync(Factory);
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: hall.Id);
        // Region 370211 is outside the mock registry's population: it holds none of these persons (nor their photos).
        _legacy18 = Ids.Make(OutsideRegistry, year: 1965, month: 3, day: 9);
        _legacy15 = _legacy18[..6] + _legacy18[8..17];
        var persons = RareNames.Select((n, i) => new PersonSpec(n, Ids.Make(OutsideRegistry, year: 1970 + i, male: i % 2 == 0), Ethnicity: n.Contains('·', StringComparison.Ordinal) ? "05" : "01")).ToList();
        persons.Add(new PersonSpec("钱多多", _legacy18, OriginalIdNumber: _legacy15));
        persons.Add(new PersonSpec("孙一", Ids.Make(OutsideRegistry, year: 1988)));
        var (batchId, ids) = await HallScenario.BatchAsync(Factory, unit, persons);
        var outcomes = RareNames.ToDictionary(n => ids[n], _ => ComparisonOutcome.Matched);
        outcomes[ids["钱多多"]] = ComparisonOutcome.Mismatched;
        outcomes[ids["孙一"]] = ComparisonOutcome.NotFound;
        await HallScenario.CompareAsync(Factory, batchId, outcomes);
        return (await PortalClient.SignedInAsync(Factory, hall.UserName), batchId, ids);
    }
}

public sealed class SqliteHallFormsTests(SqlitePortalFactory factory) : HallFormsTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresHallFormsTests(PostgresPortalFactory factory) : HallFormsTests(factory), IClassFixture<PostgresPortalFactory>;
