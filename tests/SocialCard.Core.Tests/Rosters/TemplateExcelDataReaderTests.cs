using System.Text;
using ExcelDataReader;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>The portal reads uploads with ExcelDataReader: its own template must come back as text, hidden sheet included.</summary>
public sealed class TemplateExcelDataReaderTests
{
    [Fact]
    public void ExcelDataReader_reads_every_prefilled_value_as_a_string_and_the_version_cell()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(TemplateWriterTests.Template());
        using var reader = ExcelReaderFactory.CreateReader(stream);

        Assert.Equal(RosterTemplate.DataSheetName, reader.Name);
        var rows = ReadSheet(reader);
        Assert.Equal(RosterTemplate.Columns.Select(c => c.Header), rows[0].Take(RosterTemplate.Columns.Count));
        Assert.Equal("11010120170210193X", rows[1][(int)RosterColumn.IdNumber]);
        Assert.Equal("430111199001010576", rows[2][(int)RosterColumn.OriginalIdNumber]);
        Assert.Equal("3701000003", rows[3][(int)RosterColumn.PersonalNumber]);
        Assert.Equal(4, rows.Count);

        Assert.True(reader.NextResult());
        Assert.Equal(RosterTemplate.InstructionsSheetName, reader.Name);
        Assert.True(reader.NextResult());
        Assert.Equal(RosterTemplate.ListsSheetName, reader.Name);
        Assert.Equal("hidden", reader.VisibleState);
        Assert.Equal(RosterTemplate.Version, ReadSheet(reader)[0][0]);
    }

    /// <summary>Every cell as the reader returns it; a non-string value fails the test.</summary>
    private static List<string?[]> ReadSheet(IExcelDataReader reader)
    {
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                null => null,
                string s => s,
                var other => throw new Xunit.Sdk.XunitException($"Cell {i} of row {rows.Count + 1} is a {other.GetType().Name}, not text: {other}"),
            }).ToArray());
        }

        return rows;
    }
}
