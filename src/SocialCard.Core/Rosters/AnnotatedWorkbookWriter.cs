namespace SocialCard.Core.Rosters;

/// <summary>
/// Gives the clerk their roster back with the findings on it: the bad cells filled (red = error,
/// yellow = warning, light green = the portal normalised the value) with a comment per cell holding
/// "CODE：message" lines, and a 错误清单 sheet listing every finding.
/// </summary>
public static class AnnotatedWorkbookWriter
{
    /// <summary>
    /// At most this many cells get a comment (all annotated cells get their fill, and 错误清单 lists every
    /// finding). LibreOffice needs about 17 ms per comment to open a file (10,000 comments: 3 minutes), so
    /// a roster that is wrong on every row would otherwise be unusable; the header cell says what happened.
    /// </summary>
    public const int MaxCellComments = 2000;

    /// <summary>
    /// Annotates a copy of the clerk's own .xlsx. Only the data sheet's annotated cells, its comments and the
    /// 错误清单 sheet change; values, other sheets, sheet protection and the formats of other cells stay.
    /// Annotating an annotated file again first removes the earlier annotation (the portal's fills and
    /// comments, and the old 错误清单).
    /// </summary>
    /// <param name="originalXlsx">The uploaded workbook as the reader accepted it (a corrupt package may throw).</param>
    /// <param name="output">Any writable stream.</param>
    /// <param name="rowKeys">Row number → <see cref="RosterRowKey"/> text, written into a hidden 系统行标识 column so a
    /// re-upload updates exactly these persons; keys of other rows from an earlier download are dropped.</param>
    public static void AnnotateXlsx(Stream originalXlsx, Stream output, IReadOnlyList<RosterFinding> findings, IReadOnlyDictionary<int, string>? rowKeys = null)
    {
        ArgumentNullException.ThrowIfNull(originalXlsx);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);

        // The upload is at most a few megabytes compressed; the sheets inside stay compressed in memory.
        using var original = new MemoryStream();
        originalXlsx.CopyTo(original);
        original.Position = 0;
        var plan = XlsxAnnotationPlan.Make(original, findings, rowKeys);

        using var work = new MemoryStream(); // expandable: the SDK rewrites the package in place
        original.Position = 0;
        original.CopyTo(work);
        work.Position = 0;
        var rewriters = XlsxWorkbookEditor.Apply(work, plan, findings);
        work.Position = 0;
        XlsxPackageCopier.Copy(work, output, rewriters);
    }

    /// <summary>
    /// For uploads that were .xls or .csv: a new .xlsx in the template layout holding the clerk's values as
    /// text at their original row numbers, annotated the same way. The sheet is not protected, because its
    /// grey columns hold the clerk's values, which may be the very ones to correct.
    /// </summary>
    /// <param name="categories">The deployment's 人员类别 list (<c>Rosters:Categories</c>), for the drop-down as in the template.</param>
    /// <param name="addressMaxLength">The deployment's limit for 常住地址, as in the template.</param>
    /// <param name="rowKeys">Row number → <see cref="RosterRowKey"/> text for a hidden 系统行标识 column; null: no such column.</param>
    public static void WriteFromRows(Stream output, IReadOnlyList<RosterRow> rows, IReadOnlyList<RosterFinding> findings, IReadOnlyList<string> categories, int addressMaxLength, IReadOnlyDictionary<int, string>? rowKeys = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(addressMaxLength);

        var options = new XlsxTemplateOptions(
            RosterTemplateWriter.CleanCategories(categories),
            addressMaxLength,
            Protect: false,
            RowKeys: rowKeys is not null);
        using var layout = new MemoryStream();
        XlsxTemplateWorkbook.Write(
            layout,
            rows.OrderBy(r => r.RowNumber).Select(r => new XlsxDataRow(r.RowNumber, r.Cells.Select(c => c.Text).ToArray(), rowKeys?.GetValueOrDefault(r.RowNumber))),
            options);
        layout.Position = 0;
        AnnotateXlsx(layout, output, findings);
    }
}
