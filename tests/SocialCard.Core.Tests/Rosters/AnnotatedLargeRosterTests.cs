using System.Globalization;
using System.IO.Compression;
using System.Xml;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// A 100,000-person unit: the template and its annotation are streamed. The check reads the result with
/// XmlReader (a DOM of the sheet would defeat the point); timings and memory are in the writer's report.
/// </summary>
public sealed class AnnotatedLargeRosterTests
{
    private const int People = 100_000;

    [Fact]
    public void A_100k_row_template_is_written_and_annotated_to_the_last_row()
    {
        using var template = new MemoryStream();
        RosterTemplateWriter.Write(template, Register(), ["在职"], 24);
        template.Position = 0;
        var last = People + 1;
        var findings = new[]
        {
            AnnotatedWorkbookWriterTests.F(2, RosterColumn.IdNumber, RuleCodes.IdBadChecksum, Severity.Error, "校验码错误。", null),
            AnnotatedWorkbookWriterTests.F(last, RosterColumn.Sex, RuleCodes.SexMissing, Severity.Error, "请填写性别。", null),
        };
        using var annotated = new MemoryStream();
        AnnotatedWorkbookWriter.AnnotateXlsx(template, annotated, findings);

        using var zip = new ZipArchive(annotated, ZipArchiveMode.Read);
        var (rows, lastRowCells) = ScanDataSheet(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open(), last);
        Assert.Equal(People + 1, rows);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G"], lastRowCells.Select(c => new string(c.Reference.TakeWhile(char.IsAsciiLetter).ToArray())));
        Assert.Equal(Id(People - 1), lastRowCells.Single(c => c.Reference == "F" + last.ToString(CultureInfo.InvariantCulture)).Text);
        Assert.NotNull(zip.GetEntry("xl/comments1.xml"));
    }

    private static IEnumerable<RegisterEntry> Register()
    {
        for (var i = 0; i < People; i++)
        {
            yield return new RegisterEntry($"37{i:D8}", "在职", "张三", Id(i));
        }
    }

    private static string Id(int i) => $"43011119900101{i % 10_000:D4}";

    /// <summary>Counts the rows and returns the cells (reference, text) of one row.</summary>
    private static (int Rows, List<(string Reference, string Text)> Cells) ScanDataSheet(Stream xml, int wanted)
    {
        using var reader = XmlReader.Create(xml);
        var rows = 0;
        var cells = new List<(string, string)>();
        var inWanted = false;
        string? reference = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                rows++;
                inWanted = reader.GetAttribute("r") == wanted.ToString(CultureInfo.InvariantCulture);
            }
            else if (inWanted && reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                reference = reader.GetAttribute("r")!;
                cells.Add((reference, ""));
            }
            else if (inWanted && reader.NodeType == XmlNodeType.Text)
            {
                cells[^1] = (reference!, reader.Value);
            }
        }

        return (rows, cells);
    }
}
