using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>
/// What annotating the clerk's workbook will do, worked out from a read-only look at it (the SDK opens
/// the package read-only, so nothing big is buffered): which cell gets which findings, the format each of
/// those cells has now, and the comments and drawing already there.
/// </summary>
internal sealed class XlsxAnnotationPlan
{
    /// <summary>Annotated cells (row, zero-based column) and their findings, errors first.</summary>
    public required Dictionary<(int Row, int Column), List<RosterFinding>> Cells { get; init; }

    /// <summary>The format each annotated cell shows now (its own, its row's or its column's).</summary>
    public required Dictionary<(int Row, int Column), uint> CurrentStyles { get; init; }

    public required XlsxSheetSurvey Survey { get; init; }

    /// <summary>
    /// When more cells are annotated than get comments, the header cell that says so (its comment replaces
    /// any there); null otherwise.
    /// </summary>
    public required (int Row, int Column)? SummaryCell { get; init; }

    public required XlsxExistingComments Comments { get; init; }

    /// <summary>The data sheet's comment drawing, or null if it has none.</summary>
    public required XlsxExistingDrawing? Drawing { get; init; }

    /// <summary>The o:idmap blocks claimed by the workbook's other drawings.</summary>
    public required HashSet<int> OtherBlocks { get; init; }

    /// <summary>Text cells to write (the row keys and their header), replacing whatever the cell held.</summary>
    public required Dictionary<(int Row, int Column), string> Values { get; init; }

    /// <summary>The zero-based column holding the row keys, to be hidden; null when no keys are written.</summary>
    public required int? KeyColumn { get; init; }

    /// <param name="rowKeys">Row number → the <see cref="RosterRowKey"/> text to write in the key column (none: no key column).</param>
    public static XlsxAnnotationPlan Make(Stream package, IReadOnlyList<RosterFinding> findings, IReadOnlyDictionary<int, string>? rowKeys = null)
    {
        using var document = SpreadsheetDocument.Open(package, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
        var (_, sheetPart) = FindDataSheet(workbookPart);

        var rows = findings.Where(f => f.Row > 0).Select(f => f.Row).ToHashSet();
        XlsxSheetSurvey survey;
        using (var stream = sheetPart.GetStream(FileMode.Open, FileAccess.Read))
        {
            survey = XlsxSheetSurvey.Read(stream, rows);
        }

        var (columns, existingKeyColumn) = HeaderColumns(workbookPart, survey);
        var values = new Dictionary<(int, int), string>();
        int? keyColumn = null;
        if (rowKeys is { Count: > 0 } && survey.HeaderRow > 0)
        {
            // The key goes right of everything the sheet uses (a note beside the table is not overwritten), or into
            // the key column an earlier download made.
            var used = Math.Max(survey.HeaderCells.Keys.DefaultIfEmpty(0).Max(), survey.DimensionLastColumn);
            keyColumn = existingKeyColumn ?? Math.Min(used + 1, XlsxCellRef.MaxColumn);
            values[(survey.HeaderRow, keyColumn.Value)] = RosterRowKey.Header;
            foreach (var (row, key) in rowKeys.Where(k => k.Key > survey.HeaderRow))
            {
                values[(row, keyColumn.Value)] = key;
            }
        }

        var firstColumn = survey.HeaderCells.Count > 0 ? survey.HeaderCells.Keys.Min() : 0;
        var cells = new Dictionary<(int, int), List<RosterFinding>>();
        foreach (var f in findings.Where(f => f.Row > 0))
        {
            // A finding on a column the file lacks, or on the whole row, is shown on the row's first cell.
            var column = f.Column is { } c && columns.TryGetValue(c, out var index) ? index : firstColumn;
            if (!cells.TryGetValue((f.Row, column), out var list))
            {
                cells[(f.Row, column)] = list = [];
            }

            list.Add(f);
        }

        foreach (var list in cells.Values)
        {
            list.Sort((a, b) => XlsxFindingText.Rank(a.Finding.Severity).CompareTo(XlsxFindingText.Rank(b.Finding.Severity)));
        }

        (int, int)? summary = (Math.Max(1, survey.HeaderRow), firstColumn);
        if (cells.Count <= AnnotatedWorkbookWriter.MaxCellComments || cells.ContainsKey(summary.Value))
        {
            summary = null;
        }

        var replaced = cells.Keys.ToHashSet();
        if (summary is { } s)
        {
            replaced.Add(s);
        }

        var drawingPart = survey.LegacyDrawingId is { } id && sheetPart.TryGetPartById(id, out var p) ? p as VmlDrawingPart : null;
        XlsxExistingComments comments;
        using (var stream = sheetPart.WorksheetCommentsPart?.GetStream(FileMode.Open, FileAccess.Read))
        {
            comments = XlsxExistingComments.Read(stream, replaced);
        }

        XlsxExistingDrawing? drawing = null;
        if (drawingPart is not null)
        {
            using var stream = drawingPart.GetStream(FileMode.Open, FileAccess.Read);
            drawing = XlsxExistingDrawing.Read(stream);
        }

        return new XlsxAnnotationPlan
        {
            Cells = cells,
            CurrentStyles = cells.Keys.ToDictionary(k => k, k => CurrentStyle(survey, k.Item1, k.Item2)),
            Survey = survey,
            SummaryCell = summary,
            Comments = comments,
            Drawing = drawing,
            OtherBlocks = OtherDrawingBlocks(workbookPart, drawingPart),
            Values = values,
            KeyColumn = keyColumn,
        };
    }

    /// <summary>
    /// The data sheet, as the reader chooses it: the sheet named 人员信息, else the first worksheet (an old
    /// 错误清单 is never the data sheet).
    /// </summary>
    public static (Sheet Sheet, WorksheetPart Part) FindDataSheet(WorkbookPart workbookPart)
    {
        var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>()
            .Select(s => (Sheet: s, Part: s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null))
            .Where(s => s.Part is not null && s.Sheet.Name?.Value != RosterTemplate.ErrorsSheetName)
            .ToList() ?? [];
        var chosen = sheets.FirstOrDefault(s => s.Sheet.Name?.Value == RosterTemplate.DataSheetName);
        chosen = chosen.Part is null ? sheets.FirstOrDefault() : chosen;
        return chosen.Part is null ? throw new InvalidDataException("The workbook has no worksheet to annotate.") : (chosen.Sheet, chosen.Part);
    }

    public static Severity Worst(IEnumerable<RosterFinding> findings) =>
        findings.Select(f => f.Finding.Severity).MinBy(XlsxFindingText.Rank);

    /// <summary>Each template column's zero-based index in the clerk's header row (first occurrence), and the row key column's.</summary>
    private static (Dictionary<RosterColumn, int> Columns, int? KeyColumn) HeaderColumns(WorkbookPart workbookPart, XlsxSheetSurvey survey)
    {
        var shared = survey.HeaderCells.Values.Where(v => v.Type == "s")
            .Select(v => XlsxSheetSurvey.ParseInt(v.Value)).OfType<int>().ToHashSet();
        Dictionary<int, string> strings = [];
        if (shared.Count > 0 && workbookPart.SharedStringTablePart is { } sst)
        {
            using var stream = sst.GetStream(FileMode.Open, FileAccess.Read);
            strings = XlsxSharedStrings.Lookup(stream, shared);
        }

        var columns = new Dictionary<RosterColumn, int>();
        int? keyColumn = null;
        foreach (var (column, (type, value)) in survey.HeaderCells.OrderBy(h => h.Key))
        {
            var text = type == "s" ? (XlsxSheetSurvey.ParseInt(value) is { } i && strings.TryGetValue(i, out var s) ? s : null) : value;
            if (RosterTemplate.ByHeader(text) is { } spec)
            {
                columns.TryAdd(spec.Column, column);
            }
            else if (keyColumn is null && string.Equals(text?.Trim(), RosterRowKey.Header, StringComparison.Ordinal))
            {
                keyColumn = column;
            }
        }

        return (columns, keyColumn);
    }

    private static uint CurrentStyle(XlsxSheetSurvey survey, int row, int column)
    {
        if (survey.CellStyles.TryGetValue((row, column), out var cell))
        {
            return cell;
        }

        if (survey.RowStyles.TryGetValue(row, out var rowStyle))
        {
            return rowStyle;
        }

        return survey.ColumnStyles.Where(c => c.Min <= column && column <= c.Max).Select(c => (uint?)c.Style).FirstOrDefault() ?? 0;
    }

    private static HashSet<int> OtherDrawingBlocks(WorkbookPart workbookPart, VmlDrawingPart? dataSheetDrawing)
    {
        var blocks = new HashSet<int>();
        foreach (var vml in workbookPart.WorksheetParts.SelectMany(w => w.VmlDrawingParts).Where(v => v != dataSheetDrawing).Distinct())
        {
            using var stream = vml.GetStream(FileMode.Open, FileAccess.Read);
            blocks.UnionWith(XlsxExistingDrawing.ReadBlocks(stream));
        }

        return blocks;
    }
}
