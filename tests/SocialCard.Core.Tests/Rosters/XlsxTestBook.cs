using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>Opens a written workbook read-only with the Open XML SDK and answers the questions tests ask of it.</summary>
internal sealed class XlsxTestBook : IDisposable
{
    private readonly SpreadsheetDocument document;

    private XlsxTestBook(SpreadsheetDocument document) => this.document = document;

    public static XlsxTestBook Open(byte[] bytes) => new(SpreadsheetDocument.Open(new MemoryStream(bytes), false));

    public static XlsxTestBook Open(string path) => Open(File.ReadAllBytes(path));

    public SpreadsheetDocument Document => document;

    public WorkbookPart WorkbookPart => document.WorkbookPart!;

    public IReadOnlyList<Sheet> Sheets => WorkbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();

    public IReadOnlyList<string> SheetNames => Sheets.Select(s => s.Name!.Value!).ToList();

    public CellFormat[] CellFormats => WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();

    public Fill[] Fills => WorkbookPart.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ToArray();

    public WorksheetPart Part(string sheetName)
    {
        var sheet = Sheets.SingleOrDefault(s => s.Name == sheetName) ?? throw new Xunit.Sdk.XunitException($"No sheet '{sheetName}' in [{string.Join(", ", SheetNames)}]");
        return (WorksheetPart)WorkbookPart.GetPartById(sheet.Id!);
    }

    public Worksheet Sheet(string sheetName) => Part(sheetName).Worksheet;

    public IEnumerable<Cell> Cells(string sheetName) => Sheet(sheetName).Descendants<Cell>();

    public Cell? Cell(string sheetName, string reference) => Cells(sheetName).FirstOrDefault(c => c.CellReference == reference);

    public string? Text(string sheetName, string reference) => Cell(sheetName, reference) is { } c ? TextOf(c) : null;

    /// <summary>Every non-empty cell value of a sheet, by reference.</summary>
    public Dictionary<string, string> Values(string sheetName) =>
        Cells(sheetName).Select(c => (Ref: c.CellReference!.Value!, Text: TextOf(c))).Where(x => x.Text.Length > 0).ToDictionary(x => x.Ref, x => x.Text);

    public string TextOf(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var items = WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ToList();
            return items[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)].InnerText;
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
    }

    public CellFormat Xf(DocumentFormat.OpenXml.UInt32Value? index) => CellFormats[(int)(index?.Value ?? 0)];

    /// <summary>The solid fill colour (ARGB) of a cell format, or null for no fill.</summary>
    public string? FillRgb(CellFormat xf)
    {
        var pattern = Fills[(int)(xf.FillId?.Value ?? 0)].PatternFill;
        return pattern?.PatternType?.Value == PatternValues.Solid ? pattern.ForegroundColor?.Rgb?.Value : null;
    }

    /// <summary>The number format code of a cell format: "@" for built-in 49 or a custom format "@".</summary>
    public string? NumberFormatCode(CellFormat xf)
    {
        var id = xf.NumberFormatId?.Value ?? 0;
        return id == 49 ? "@" : WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;
    }

    /// <summary>Locked unless the format says otherwise (Excel's default).</summary>
    public static bool IsLocked(CellFormat xf) => xf.Protection?.Locked?.Value ?? true;

    /// <summary>The cell comments of a sheet: reference → text.</summary>
    public Dictionary<string, string> Comments(string sheetName) =>
        Part(sheetName).WorksheetCommentsPart?.Comments.CommentList?.Elements<Comment>()
            .ToDictionary(c => c.Reference!.Value!, c => c.CommentText!.InnerText) ?? [];

    /// <summary>Schema errors the SDK's validator finds (Excel refuses or "repairs" files with such errors).</summary>
    public IReadOnlyList<string> SchemaErrors() =>
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016)
            .Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    public void Dispose() => document.Dispose();

    public static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    public static string ColumnName(RosterColumn column) => ColumnName((int)column);

    public static string Ref(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string Ref(int row, RosterColumn column) => Ref(row, (int)column);

    /// <summary>"F5" → (5, 5).</summary>
    public static (int Row, int Column) Parse(string reference)
    {
        var letters = new string(reference.Replace("$", "", StringComparison.Ordinal).TakeWhile(char.IsAsciiLetter).ToArray());
        var column = letters.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
        return (int.Parse(reference.Replace("$", "", StringComparison.Ordinal)[letters.Length..], CultureInfo.InvariantCulture), column);
    }

    /// <summary>Decodes OOXML's _xHHHH_ escapes as Excel does.</summary>
    public static string Unescape(string text) =>
        Regex.Replace(text, "_x([0-9A-Fa-f]{4})_", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
}
