using System.Globalization;
using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Rosters.RosterBuilderLine;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// A 20-person roster with one planted error per row where planned, read from .xlsx and validated end to end:
/// every planted error is found on its row and column with its code, and no correct cell is flagged.
/// </summary>
public class ValidatorMixedRosterTests
{
    private readonly RosterBuilder _builder = new() { TrailingStyledRows = 5, VersionInListsSheet = RosterTemplate.Version, VersionProperty = RosterTemplate.Version };
    private readonly List<(int Row, RosterColumn Column, string Code)> _planted = [];

    private void Add(RosterBuilderLine line, params (RosterColumn Column, string Code)[] planted)
    {
        _planted.AddRange(planted.Select(p => (_builder.NextRow, p.Column, p.Code)));
        _builder.Add(line);
    }

    [Fact]
    public void Every_planted_error_is_reported_on_its_cell_and_nothing_else()
    {
        var idEndingInX = Enumerable.Range(100, 800).Select(IdFor).First(id => id.EndsWith('X'));
        var register = new RosterContext
        {
            PersonOptions = People.Options,
            Register = new Dictionary<string, RegisterEntry>
            {
                ["P017"] = new("P017", "在职", "韩十七", IdFor(17)),
                ["P018"] = new("P018", "在职", "杨十八", IdFor(18)),
                ["P020"] = new("P020", "学生", "秦二十", IdFor(21)),
            },
        };

        Add(Person("赵一", 1));
        Add(Person("钱二", 2) with { IdNumber = Ids.WithWrongCheck(IdFor(2)) }, (RosterColumn.IdNumber, RuleCodes.IdBadChecksum));
        Add(Person("孙三", 3) with { IdNumber = double.Parse(IdFor(3), CultureInfo.InvariantCulture), Sex = "女" }, (RosterColumn.IdNumber, RuleCodes.IdNumericCell));
        Add(Person("李四", 5) with { Sex = "女" }, (RosterColumn.Sex, RuleCodes.SexMismatchId));
        Add(Person("周五", 6) with { BirthDate = "1990-01-02" }, (RosterColumn.BirthDate, RuleCodes.BirthDateMismatchId));
        Add(Person("吴六", 7) with { BirthDate = new DateTime(1990, 1, 1) });
        Add(Person("郑七", 8) with { Phone = "0536 8234567" }, (RosterColumn.Phone, RuleCodes.PhoneInvalid));
        Add(Person("王八", 9) with { Phone = 13912345678d, Postcode = 261041d });
        Add(Person("冯九", 10) with { Address = "山东省潍坊市奎文区胜利东街道办事处幸福社区居民委员会八号楼三单元" }, (RosterColumn.Address, RuleCodes.AddressTooLong));
        _builder.Skip();
        Add(Person("", 11) with { Name = null }, (RosterColumn.Name, RuleCodes.NameMissing));
        Add(Person("褚十二", 12) with { Ethnicity = "穿青族" }, (RosterColumn.Ethnicity, RuleCodes.EthnicityInvalid));
        Add(Person("卫十三", 13), (RosterColumn.IdNumber, RuleCodes.DuplicateIdInFile));
        Add(Person("蒋十四", 13), (RosterColumn.IdNumber, RuleCodes.DuplicateIdInFile));
        Add(Person("沈十五", 15), (RosterColumn.Name, RuleCodes.SameName));
        Add(Person("沈十五", 16), (RosterColumn.Name, RuleCodes.SameName));
        Add(
            Person("韩十七", 17) with { PersonalNumber = "P017", Category = "退休", OriginalName = "韩十七", OriginalIdNumber = IdFor(17) },
            (RosterColumn.Category, RuleCodes.ReadOnlyChanged));
        Add(
            Person("杨拾八", 19) with { PersonalNumber = "P018", Category = "在职", OriginalName = "杨十八", OriginalIdNumber = IdFor(18) },
            (RosterColumn.Name, RuleCodes.NameAndIdChanged));
        Add(Person("朱十九", 23) with { PersonalNumber = "P999" }, (RosterColumn.PersonalNumber, RuleCodes.UnknownPersonalNumber));
        Add(Person("秦二十", 20) with { PersonalNumber = "P020", Category = "学生", OriginalName = "秦二十", OriginalIdNumber = IdFor(21), ClassOrDepartment = "三年级二班" });
        Add(Person("尤二一", 0) with { IdNumber = idEndingInX.ToLowerInvariant(), Sex = (idEndingInX[16] - '0') % 2 == 1 ? "男" : "女" }, (RosterColumn.IdNumber, RuleCodes.IdNormalized));

        var read = new RosterReader().Read(new MemoryStream(_builder.ToXlsx()), "花名册.xlsx", ReaderTestSupport.Limits);
        Assert.True(read.Succeeded, string.Join(" | ", read.FileFindings.Select(f => f.Finding.Message)));
        Assert.Equal(RosterTemplate.Version, read.TemplateVersion);
        Assert.Equal(20, read.Rows.Count);

        var result = RosterValidator.Validate(read.Rows, register);

        var reported = result.Findings.Select(f => (f.Row, f.Column!.Value, f.Finding.Code)).ToList();
        Assert.Equal(_planted.OrderBy(p => p).ToList(), reported.OrderBy(p => p).ToList());
        Assert.Equal([[16, 17]], result.SameNameGroups);
        Assert.Equal(20, result.Rows.Count);
        Assert.Equal(Enumerable.Range(2, 9).Concat(Enumerable.Range(12, 11)), result.Rows.Select(r => r.RowNumber));
    }
}
