using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Rosters.ReaderTestSupport;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>One legacy .xls, converted once by LibreOffice from a builder workbook, shared by the tests below.</summary>
public sealed class ReaderXlsFixture
{
    public ReaderXlsFixture()
    {
        var builder = new RosterBuilder(headerRow: 2) { VersionInListsSheet = RosterTemplate.Version, SheetBefore = RosterTemplate.InstructionsSheetName };
        builder.Add(new RosterBuilderLine { Name = "赵一", IdNumber = 430111199001010573d, Phone = 13912345678d, Postcode = 261041d })
            .Skip(2)
            .Add(new RosterBuilderLine { Name = "阿依古丽·买买提", IdNumber = Ids.FemaleConst, Sex = "女", BirthDate = new DateTime(1990, 1, 1) });
        Xls = RosterBuilderXls.Convert(builder.ToXlsx());
    }

    public byte[] Xls { get; }
}

public class ReaderXlsTests(ReaderXlsFixture fixture) : IClassFixture<ReaderXlsFixture>
{
    [Fact]
    public void An_xls_roster_reads_like_the_xlsx_it_came_from()
    {
        var result = Read(fixture.Xls, "花名册.xls");

        var rows = Rows(result);
        Assert.Equal(RosterFormat.Xls, result.Format);
        Assert.Equal([3, 6], rows.Select(r => r.RowNumber));
        Assert.Equal(["赵一", "阿依古丽·买买提"], rows.Select(r => r[RosterColumn.Name].Text));
        Assert.Equal(new RosterCell("4.30111E+17", WasNumeric: true), rows[0][RosterColumn.IdNumber]);
        Assert.Equal("13912345678", rows[0][RosterColumn.Phone].Text);
        Assert.Equal("261041", rows[0][RosterColumn.Postcode].Text);
        Assert.Equal(new RosterCell(Ids.FemaleConst), rows[1][RosterColumn.IdNumber]);
        Assert.Equal("1990-01-01", rows[1][RosterColumn.BirthDate].Text);
    }

    [Fact]
    public void The_marker_of_the_hidden_code_list_sheet_survives_in_xls()
    {
        Assert.Equal(RosterTemplate.Version, Read(fixture.Xls, "花名册.xls").TemplateVersion);
    }

    [Fact]
    public void An_xls_renamed_to_xlsx_is_a_mismatch()
    {
        Assert.Contains("旧版 .xls", FileFinding(Read(fixture.Xls, "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void Damaged_xls_bytes_become_findings()
    {
        foreach (var damaged in ReaderFuzzTests.Mutations(fixture.Xls, 4, ReaderFuzzTests.FuzzCount))
        {
            ReaderFuzzTests.AssertFindingsOnly(damaged, "花名册.xls");
        }
    }

    [Fact]
    public void A_damaged_xls_is_unreadable()
    {
        var damaged = fixture.Xls.ToArray();
        Array.Fill(damaged, (byte)0xFF, 512, damaged.Length - 512);

        FileFinding(Read(damaged, "花名册.xls"), RuleCodes.FileUnreadable);
    }
}
