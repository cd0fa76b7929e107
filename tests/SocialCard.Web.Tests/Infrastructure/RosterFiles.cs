using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>A value a test writes into a roster cell; <see cref="Number"/> writes a numeric cell, as Excel does for a typed-in ID.</summary>
public readonly record struct RosterValue(string? Text, double? Number = null)
{
    public static implicit operator RosterValue(string? text) => new(text);
}

/// <summary>Fills the portal's own downloaded template the way a clerk would, and derives .csv and .xls copies.</summary>
public static class RosterFiles
{
    static RosterFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Writes <paramref name="rows"/> (spreadsheet row number → column → value) into the template's data sheet.</summary>
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<int, Dictionary<RosterColumn, RosterValue>> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == RosterTemplate.DataSheetName);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            foreach (var (rowNumber, values) in rows)
            {
                var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == (uint)rowNumber);
                if (row is null)
                {
                    row = new Row { RowIndex = (uint)rowNumber };
                    var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < (uint)rowNumber);
                    if (after is null)
                    {
                        data.PrependChild(row);
                    }
                    else
                    {
                        data.InsertAfter(row, after);
                    }
                }

                foreach (var (column, value) in values)
                {
                    SetCell(row, ColumnLetter((int)column) + rowNumber, value);
                }
            }

            part.Worksheet.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The same rows as a CSV in the template's column order, encoded as asked (GB18030 for GBK).</summary>
    public static byte[] Csv(IReadOnlyDictionary<int, Dictionary<RosterColumn, RosterValue>> rows, IReadOnlyDictionary<int, Dictionary<RosterColumn, string?>> prefilled, Encoding encoding)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", RosterTemplate.Columns.Select(c => c.Header)));
        var last = rows.Keys.Concat(prefilled.Keys).Max();
        for (var r = 2; r <= last; r++)
        {
            var cells = RosterTemplate.Columns.Select(c =>
            {
                string? value = null;
                if (prefilled.TryGetValue(r, out var p) && p.TryGetValue(c.Column, out var pv))
                {
                    value = pv;
                }

                if (rows.TryGetValue(r, out var row) && row.TryGetValue(c.Column, out var v))
                {
                    value = v.Number is { } n ? n.ToString("0.#####E+0", System.Globalization.CultureInfo.InvariantCulture) : v.Text;
                }

                return Quote(value ?? "");
            });
            text.Append(string.Join(",", cells)).Append("\r\n");
        }

        return encoding.GetBytes(text.ToString());
    }

    /// <summary>Converts an xlsx to the legacy .xls format with LibreOffice, as a clerk's older Excel would save it.</summary>
    public static byte[] ToXls(byte[] xlsx)
    {
        const string soffice = "/usr/bin/soffice";
        Assert.True(File.Exists(soffice), "LibreOffice is needed to make .xls test files: apt-get install -y libreoffice-calc-nogui");
        var dir = Directory.CreateTempSubdirectory("sc-xls-");
        try
        {
            var input = Path.Combine(dir.FullName, "roster.xlsx");
            File.WriteAllBytes(input, xlsx);
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { $"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--convert-to", "xls", "--outdir", dir.FullName, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            Assert.True(process.WaitForExit(120_000), "LibreOffice did not finish converting within 2 minutes");
            var output = Path.Combine(dir.FullName, "roster.xls");
            Assert.True(File.Exists(output), "LibreOffice produced no .xls: " + process.StandardError.ReadToEnd());
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Reads the values of the template's prefilled rows (row number → column → text).</summary>
    public static Dictionary<int, Dictionary<RosterColumn, string?>> ReadPrefilled(byte[] template)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(template), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == RosterTemplate.DataSheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var result = new Dictionary<int, Dictionary<RosterColumn, string?>>();
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Where(r => r.RowIndex!.Value > 1))
        {
            var values = new Dictionary<RosterColumn, string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var text = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.CellValue?.Text;
                if (!string.IsNullOrEmpty(text))
                {
                    values[(RosterColumn)ColumnIndex(cell.CellReference!.Value!)] = text;
                }
            }

            if (values.Count > 0)
            {
                result[(int)row.RowIndex!.Value] = values;
            }
        }

        return result;
    }

    private static void SetCell(Row row, string reference, RosterValue value)
    {
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var next = row.Elements<Cell>().FirstOrDefault(c => ColumnIndex(c.CellReference!.Value!) > ColumnIndex(reference));
            if (next is null)
            {
                row.AppendChild(cell);
            }
            else
            {
                row.InsertBefore(cell, next);
            }
        }

        cell.RemoveAllChildren();
        if (value.Number is { } number)
        {
            cell.DataType = null;
            cell.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(value.Text ?? "") { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', '\t']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string ColumnLetter(int index) => ((char)('A' + index)).ToString();

    private static int ColumnIndex(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
}
