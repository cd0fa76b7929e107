using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Core.Rosters;

/// <summary>One data row of the template: its spreadsheet row number, a value per <see cref="RosterColumn"/>, and its portal key.</summary>
internal readonly record struct XlsxDataRow(int RowNumber, string?[] Values, string? Key = null);

/// <summary>
/// How the template is written: the category list, the address limit, whether the data sheet is protected, and
/// whether it carries the hidden <see cref="RosterRowKey.Header"/> column (a batch handed out for offline editing).
/// </summary>
internal sealed record XlsxTemplateOptions(IReadOnlyList<string> Categories, int AddressMaxLength, bool Protect, bool RowKeys = false);

/// <summary>
/// Streams the 人员信息 sheet with <see cref="OpenXmlWriter"/>, so a 100,000-person unit never becomes a DOM.
/// Formats, locking and validations are set per column (col styles and whole-column ranges) rather than per
/// cell, so rows the clerk adds below the register get the same text format, drop-downs and input messages.
/// </summary>
internal static class XlsxDataSheetWriter
{
    public const int MaxRow = 1_048_576;

    public static void Write(Stream stream, IEnumerable<XlsxDataRow> rows, XlsxTemplateOptions options)
    {
        using var w = OpenXmlWriter.Create(stream);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.WriteElement(Views());
        w.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        w.WriteElement(Columns(options.RowKeys));
        w.WriteStartElement(new SheetData());
        WriteHeader(w, options.RowKeys);
        var previous = 1;
        foreach (var row in rows)
        {
            if (row.RowNumber <= previous || row.RowNumber > MaxRow)
            {
                throw new ArgumentException($"Row numbers must increase from 2 to {MaxRow}; got {row.RowNumber} after {previous}.", nameof(rows));
            }

            WriteRow(w, row, options.RowKeys);
            previous = row.RowNumber;
        }

        w.WriteEndElement();
        if (options.Protect)
        {
            // No password: protection only prevents accidental edits of the grey columns. Row heights and
            // column widths stay adjustable (formatRows/formatColumns = not protected).
            w.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        }

        w.WriteElement(XlsxDataValidations.Create(options));
        w.WriteElement(new PrintOptions { GridLines = true });
        w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        w.WriteEndElement();
    }

    public static uint StyleOf(RosterColumnSpec spec) => spec.ReadOnly ? XlsxTemplateStyles.ReadOnly : XlsxTemplateStyles.Editable;

    private static SheetViews Views()
    {
        var firstEditable = RosterTemplate.Columns.First(c => !c.ReadOnly);
        var active = XlsxCellRef.Ref(2, (int)firstEditable.Column);
        return new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = active, SequenceOfReferences = new ListValue<StringValue> { InnerText = active } })
        { TabSelected = true, WorkbookViewId = 0 });
    }

    /// <summary>The zero-based column of the row key, right of the template's columns.</summary>
    public static int KeyColumn => RosterTemplate.Columns.Count;

    private static Columns Columns(bool rowKeys)
    {
        var columns = new Columns();
        foreach (var spec in RosterTemplate.Columns)
        {
            var n = (uint)spec.Column + 1;
            columns.Append(new Column { Min = n, Max = n, Width = spec.Width, CustomWidth = true, Style = StyleOf(spec) });
        }

        if (rowKeys)
        {
            var n = (uint)KeyColumn + 1;
            columns.Append(new Column { Min = n, Max = n, Width = 30, CustomWidth = true, Hidden = true, Style = XlsxTemplateStyles.ReadOnly });
        }

        return columns;
    }

    private static void WriteHeader(OpenXmlWriter w, bool rowKeys)
    {
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", "1"), new OpenXmlAttribute("ht", "", "30"), new OpenXmlAttribute("customHeight", "", "1")]);
        foreach (var spec in RosterTemplate.Columns)
        {
            WriteCell(w, XlsxCellRef.Ref(1, (int)spec.Column), XlsxTemplateStyles.Header, spec.Header);
        }

        if (rowKeys)
        {
            WriteCell(w, XlsxCellRef.Ref(1, KeyColumn), XlsxTemplateStyles.Header, RosterRowKey.Header);
        }

        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, XlsxDataRow row, bool rowKeys)
    {
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", row.RowNumber.ToString(CultureInfo.InvariantCulture))]);
        foreach (var spec in RosterTemplate.Columns)
        {
            var value = (int)spec.Column < row.Values.Length ? row.Values[(int)spec.Column] : null;
            if (!string.IsNullOrEmpty(value))
            {
                WriteCell(w, XlsxCellRef.Ref(row.RowNumber, (int)spec.Column), StyleOf(spec), value);
            }
        }

        if (rowKeys && row.Key is { Length: > 0 } key)
        {
            WriteCell(w, XlsxCellRef.Ref(row.RowNumber, KeyColumn), XlsxTemplateStyles.ReadOnly, key);
        }

        w.WriteEndElement();
    }

    /// <summary>Writes an inline-string cell: every value is text, never a number (and never a formula, see <see cref="TextElement"/>).</summary>
    public static void WriteCell(OpenXmlWriter w, string reference, uint style, string value)
    {
        w.WriteStartElement(new Cell(), [
            new OpenXmlAttribute("r", "", reference),
            new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("t", "", "inlineStr"),
        ]);
        w.WriteStartElement(new InlineString());
        w.WriteElement(TextElement(value));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A cell's text, neutralised against formula injection (<see cref="SpreadsheetText"/>) and escaped for OOXML.</summary>
    public static Text TextElement(string value)
    {
        value = SpreadsheetText.Neutralise(value);
        var text = new Text(XlsxText.Escape(value));
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            text.Space = SpaceProcessingModeValues.Preserve;
        }

        return text;
    }
}
