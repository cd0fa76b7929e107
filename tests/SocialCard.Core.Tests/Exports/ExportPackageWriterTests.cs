using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SocialCard.Core.Exports;
using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Rosters;
using SocialCard.Core.Tests.Support;

namespace SocialCard.Core.Tests.Exports;

/// <summary>The 分批报盘 zip: layout, names, class folders, safe names, the roster round trip and the manifest's hashes.</summary>
public sealed class ExportPackageWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Company_zip_holds_roster_photos_in_the_unit_folder_and_a_manifest()
    {
        var persons = new[]
        {
            Person("张三", Ids.Male, photo: "p1"),
            Person("李四", Ids.Female, photo: "p2"),
            Person("王五", Ids.Make("110101", "19850312", "031"), source: ExportPhotoSource.Registry),
        };
        var (zip, manifest) = await WriteAsync(new ExportHeader("1111011", "示例公司", 1, At, GroupByClass: false, AddressMaxLength: 24), persons);

        Assert.Equal(
            ["1111011out_1.xlsx", $"1111011/{Ids.Male}-张三.jpg", $"1111011/{Ids.Female}-李四.jpg", "manifest.json"],
            ExportZip.Names(zip));
        Assert.Equal(Photo("p2"), ExportZip.Entry(zip, $"1111011/{Ids.Female}-李四.jpg"));
        Assert.Equal("1111011out_1.zip", manifest.FileName);
        Assert.Equal(3, manifest.PersonCount);
        Assert.Equal(2, manifest.PhotoCount);
        Assert.Equal(1, manifest.RegistryPhotoCount);
        Assert.Equal(TimeSpan.FromHours(8), manifest.CreatedAt.Offset);
        Assert.Equal(At, manifest.CreatedAt);
        var wang = Assert.Single(manifest.Persons, p => p.Name == "王五");
        Assert.Equal(ExportPhotoSource.Registry, wang.PhotoSource);
        Assert.Null(wang.Photo);
        Assert.Equal(4, wang.Row);

        // The manifest read back from the zip is the one returned, and says "registry" in words.
        var json = Encoding.UTF8.GetString(ExportZip.Entry(zip, "manifest.json"));
        Assert.Contains("\"photoSource\": \"registry\"", json);
        Assert.DoesNotContain(persons[2].IdNumber, json); // ID numbers only in the roster and the photo names
        var read = ExportManifest.Read(new MemoryStream(ExportZip.Entry(zip, "manifest.json")))!;
        Assert.Equal(manifest.Files, read.Files);
        Assert.Equal(manifest.Persons, read.Persons);
    }

    [Fact]
    public async Task Manifest_lists_every_other_file_with_its_real_size_and_sha256()
    {
        var persons = Enumerable.Range(0, 5).Select(i => Person("学生" + i, Ids.Make("370702", "20100101", (10 + i).ToString("000", System.Globalization.CultureInfo.InvariantCulture)), photo: "k" + i, klass: i % 2 == 0 ? "三年级一班" : "三年级二班")).ToList();
        var (zip, manifest) = await WriteAsync(new ExportHeader("3707000002", "实验小学", 7, At, GroupByClass: true, AddressMaxLength: 24), persons);

        using var archive = new ZipArchive(new MemoryStream(zip));
        var others = archive.Entries.Where(e => e.FullName != "manifest.json").ToList();
        Assert.Equal(others.Select(e => e.FullName).Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        foreach (var entry in others)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var file = Assert.Single(manifest.Files, f => f.Path == entry.FullName);
            Assert.Equal(copy.Length, file.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())), file.Sha256);
        }

        Assert.Equal("3707000002out_7.xlsx", manifest.Roster);
        Assert.Contains(manifest.Files, f => f.Path == manifest.Roster);
    }

    [Fact]
    public async Task School_photos_go_in_class_folders_and_the_roster_follows_the_class_order()
    {
        var persons = new[]
        {
            Person("甲", Ids.Make("370702", "20100101", "011"), photo: "a", klass: "二班"),
            Person("乙", Ids.Make("370702", "20100101", "021"), photo: "b", klass: "一班"),
            Person("丙", Ids.Make("370702", "20100101", "031"), photo: "c", klass: null),
            Person("丁", Ids.Make("370702", "20100101", "041"), photo: "d", klass: "二班"),
        };
        var (zip, manifest) = await WriteAsync(new ExportHeader("3707000002", "实验小学", 2, At, GroupByClass: true, AddressMaxLength: 24), persons);

        var names = ExportZip.Names(zip);
        Assert.Contains($"3707000002/一班/{persons[1].IdNumber}-乙.jpg", names);
        Assert.Contains($"3707000002/二班/{persons[0].IdNumber}-甲.jpg", names);
        Assert.Contains($"3707000002/二班/{persons[3].IdNumber}-丁.jpg", names);
        Assert.Contains($"3707000002/未分班/{persons[2].IdNumber}-丙.jpg", names);

        // Rows are grouped by class (folder order) and keep the given order inside a class.
        Assert.Equal(["乙", "甲", "丁", "丙"], manifest.Persons.Select(p => p.Name));
        var rows = ExportZip.Roster(zip, manifest.Roster);
        Assert.Equal(["乙", "甲", "丁", "丙"], rows.Select(r => r[RosterColumn.Name].Text));
        Assert.Equal([2, 3, 4, 5], manifest.Persons.Select(p => p.Row));
    }

    [Fact]
    public async Task Roster_is_the_portal_template_and_reads_back_with_every_value()
    {
        var person = new ExportPerson(
            "P0001", "在职", "阿依古丽买买提", "430111199001010581", "阿依古丽·买买提", Ids.Female, "女", "1990-01-01", "05 维吾尔族",
            "0536-8881234", "261041", "山东省潍坊市奎文区胜利东街1号", "财务部", ExportPhotoSource.File, "x");
        var rare = Person("𠀀林", Ids.Male, photo: "y");
        var (zip, manifest) = await WriteAsync(new ExportHeader("1111011", "示例公司", 3, At, GroupByClass: false, AddressMaxLength: 24), [person, rare]);

        var result = new RosterReader().Read(new MemoryStream(ExportZip.Entry(zip, manifest.Roster)), manifest.Roster, ReaderTestSupport.Limits);
        Assert.True(result.Succeeded, string.Join(" | ", result.FileFindings.Select(f => f.Finding.Message)));
        Assert.Equal(RosterTemplate.Version, result.TemplateVersion);
        Assert.Equal(2, result.Rows.Count);
        var row = result.Rows[0];
        Assert.Equal(2, row.RowNumber);
        var expected = new Dictionary<RosterColumn, string>
        {
            [RosterColumn.PersonalNumber] = "P0001",
            [RosterColumn.Category] = "在职",
            [RosterColumn.OriginalName] = "阿依古丽买买提",
            [RosterColumn.OriginalIdNumber] = "430111199001010581",
            [RosterColumn.Name] = "阿依古丽·买买提",
            [RosterColumn.IdNumber] = Ids.Female,
            [RosterColumn.Sex] = "女",
            [RosterColumn.BirthDate] = "1990-01-01",
            [RosterColumn.Ethnicity] = "05 维吾尔族",
            [RosterColumn.Phone] = "0536-8881234",
            [RosterColumn.Postcode] = "261041",
            [RosterColumn.Address] = "山东省潍坊市奎文区胜利东街1号",
            [RosterColumn.ClassOrDepartment] = "财务部",
        };
        Assert.Equal(RosterTemplate.Columns.Count, expected.Count);
        foreach (var (column, value) in expected)
        {
            Assert.Equal(value, row[column].Text);
            Assert.False(row[column].WasNumeric, $"{column} was stored as a number");
        }

        Assert.Equal("𠀀林", result.Rows[1][RosterColumn.Name].Text);
        Assert.Contains($"1111011/{Ids.Male}-𠀀林.jpg", ExportZip.Names(zip));
    }

    [Theory]
    [InlineData("../../etc", "____etc")]
    [InlineData("..", "_")]
    [InlineData("a/b\\c", "a_b_c")]
    [InlineData("  三年级.  ", "三年级")]
    [InlineData("一班\r\n\t", "一班___")]
    [InlineData("班\u202Egpj.exe", "班_gpj.exe")]
    [InlineData("C:班*?\"<>|", "C_班______")]
    [InlineData("", "未分班")]
    [InlineData("   ", "未分班")]
    [InlineData("...", "_")]
    [InlineData(". .", "未分班")]
    public void Segments_are_made_safe(string input, string expected) =>
        Assert.Equal(expected, ExportNames.Segment(input, ExportNames.NoClassFolder));

    [Fact]
    public void Segments_drop_lone_surrogates_keep_rare_characters_and_are_capped()
    {
        Assert.Equal("_班", ExportNames.Segment("\uD840班", "x"));
        Assert.Equal("𠀀班", ExportNames.Segment("𠀀班", "x"));
        var capped = ExportNames.Segment(string.Concat(Enumerable.Repeat("𠀀", 100)), "x");
        Assert.Equal(ExportNames.MaxSegmentLength, capped.EnumerateRunes().Count());
    }

    [Fact]
    public async Task Hostile_class_and_person_names_cannot_leave_their_folder()
    {
        var persons = new[]
        {
            Person("../../x", Ids.Male, photo: "a", klass: "../../../tmp"),
            Person("李/四", Ids.Female, photo: "b", klass: "\\\\server\\share"),
            Person("王五", Ids.Make("110101", "19850312", "031"), photo: "c", klass: ".."),
        };
        var (zip, _) = await WriteAsync(new ExportHeader("1111011", "示例学校", 1, At, GroupByClass: true, AddressMaxLength: 24), persons);

        foreach (var name in ExportZip.Names(zip))
        {
            var segments = name.Split('/');
            Assert.DoesNotContain(segments, s => s is "" or "." or ".." || s.Contains('\\', StringComparison.Ordinal));
            Assert.True(name == "manifest.json" || name.EndsWith(".xlsx", StringComparison.Ordinal) || segments.Length == 3, name);
            Assert.True(name == "manifest.json" || name.EndsWith(".xlsx", StringComparison.Ordinal) || segments[0] == "1111011", name);
        }

        Assert.Equal(
            [$"1111011/_/{persons[2].IdNumber}-王五.jpg", $"1111011/______tmp/{Ids.Male}-____x.jpg", $"1111011/__server_share/{Ids.Female}-李_四.jpg", "1111011out_1.xlsx", "manifest.json"],
            ExportZip.Names(zip).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Same_id_and_name_twice_still_gives_two_files()
    {
        var persons = new[] { Person("张三", Ids.Male, photo: "a"), Person("张三", Ids.Male, photo: "b") };
        var (zip, manifest) = await WriteAsync(new ExportHeader("1111011", "示例公司", 1, At, GroupByClass: false, AddressMaxLength: 24), persons);

        Assert.Contains($"1111011/{Ids.Male}-张三.jpg", ExportZip.Names(zip));
        Assert.Contains($"1111011/{Ids.Male}-张三(2).jpg", ExportZip.Names(zip));
        Assert.Equal(2, manifest.Persons.Select(p => p.Photo).Distinct().Count());
    }

    [Fact]
    public async Task A_formula_like_address_is_exported_as_inert_text_and_reads_back_as_typed()
    {
        var person = Person("张三", Ids.Male, photo: "p1", klass: "-1班") with { Address = SpreadsheetTextTests.Hyperlink };
        var (zip, manifest) = await WriteAsync(new ExportHeader("1111011", "示例学校", 1, At, GroupByClass: false, AddressMaxLength: 24), [person]);

        using (var book = XlsxTestBook.Open(ExportZip.Entry(zip, manifest.Roster)))
        {
            SpreadsheetTextTests.AssertInert(book, RosterTemplate.DataSheetName, XlsxTestBook.Ref(2, RosterColumn.Address), SpreadsheetTextTests.Hyperlink);
            SpreadsheetTextTests.AssertInert(book, RosterTemplate.DataSheetName, XlsxTestBook.Ref(2, RosterColumn.ClassOrDepartment), "-1班");
            Assert.Equal(Ids.Male, book.Text(RosterTemplate.DataSheetName, XlsxTestBook.Ref(2, RosterColumn.IdNumber)));
        }

        var row = Assert.Single(ExportZip.Roster(zip, manifest.Roster));
        Assert.Equal(SpreadsheetTextTests.Hyperlink, row[RosterColumn.Address].Text);
        Assert.Equal("-1班", row[RosterColumn.ClassOrDepartment].Text);
    }

    [Fact]
    public async Task A_missing_photo_stops_the_export_and_names_the_person()
    {
        var persons = new[] { Person("张三", Ids.Male, photo: "a"), Person("李四", Ids.Female, photo: "gone") };
        using var output = new MemoryStream();
        var error = await Assert.ThrowsAsync<ExportPhotoMissingException>(() =>
            ExportPackageWriter.WriteAsync(output, new ExportHeader("1111011", "示例公司", 1, At, false, AddressMaxLength: 24), persons, (p, _) => Task.FromResult<Stream?>(p.PhotoKey == "gone" ? null : new MemoryStream(Photo(p.PhotoKey!)))));
        Assert.Equal("李四", error.PersonName);
    }

    private static ExportPerson Person(string name, string id, string? photo = null, ExportPhotoSource? source = null, string? klass = null) =>
        new(null, "在职", name, id, name, id, "男", null, "01 汉族", "13912345678", "261041", "山东省潍坊市奎文区胜利东街1号", klass,
            source ?? (photo is null ? ExportPhotoSource.None : ExportPhotoSource.File), photo);

    /// <summary>Distinct bytes per key, so a test sees which photo went where.</summary>
    private static byte[] Photo(string key) => [0xFF, 0xD8, .. Encoding.UTF8.GetBytes(key), 0xFF, 0xD9];

    private static async Task<(byte[] Zip, ExportManifest Manifest)> WriteAsync(ExportHeader header, IReadOnlyList<ExportPerson> persons)
    {
        using var output = new MemoryStream();
        var manifest = await ExportPackageWriter.WriteAsync(output, header, persons, (p, _) => Task.FromResult<Stream?>(new MemoryStream(Photo(p.PhotoKey!))));
        return (output.ToArray(), manifest);
    }
}
