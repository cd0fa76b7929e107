using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Applies an <see cref="XlsxAnnotationPlan"/> to the small parts with the SDK (workbook, styles, part
/// relationships) and returns the rewriters that produce the big parts (data sheet, comments, drawing,
/// 错误清单) while the package is streamed out. The data sheet's own XML is never opened here.
/// </summary>
internal static class XlsxWorkbookEditor
{
    public static Dictionary<string, XlsxPackageCopier.PartRewriter> Apply(Stream package, XlsxAnnotationPlan plan, IReadOnlyList<RosterFinding> findings)
    {
        var rewriters = new Dictionary<string, XlsxPackageCopier.PartRewriter>(StringComparer.OrdinalIgnoreCase);
        using var document = SpreadsheetDocument.Open(package, true);
        var workbookPart = document.WorkbookPart!;
        RemoveErrorsSheets(workbookPart);
        var (_, sheetPart) = XlsxAnnotationPlan.FindDataSheet(workbookPart);

        var stylesPart = workbookPart.WorkbookStylesPart ?? workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet ??= new Stylesheet();
        var styles = XlsxAnnotationStyles.Prepare(stylesPart.Stylesheet);
        var newStyles = plan.Cells.ToDictionary(c => c.Key, c => styles.Annotated(plan.CurrentStyles[c.Key], XlsxAnnotationPlan.Worst(c.Value)));
        styles.Complete();
        stylesPart.Stylesheet.Save();

        var legacyDrawingId = EditComments(sheetPart, plan, rewriters);
        var keys = plan.KeyColumn is { } keyColumn ? new XlsxKeyColumn(keyColumn, plan.Survey.HeaderRow, plan.Values) : null;
        rewriters[XlsxPackageCopier.EntryName(sheetPart.Uri)] = (current, target) =>
            XlsxSheetAnnotator.Rewrite(current, target, newStyles, styles.Revert, legacyDrawingId, keys);

        var errorsPart = workbookPart.AddNewPart<WorksheetPart>();
        errorsPart.Worksheet = new Worksheet(new SheetData());
        var sheets = workbookPart.Workbook.Sheets!;
        sheets.Append(new Sheet
        {
            Name = RosterTemplate.ErrorsSheetName,
            SheetId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1,
            Id = workbookPart.GetIdOfPart(errorsPart),
        });
        workbookPart.Workbook.Save();
        var headerStyle = styles.HeaderFormat;
        var wrapStyle = styles.WrapFormat;
        rewriters[XlsxPackageCopier.EntryName(errorsPart.Uri)] = (_, target) => XlsxErrorsSheet.Write(target, findings, headerStyle, wrapStyle);
        return rewriters;
    }

    /// <summary>
    /// Sets up the comments part and its drawing; returns the relationship id &lt;legacyDrawing&gt; must
    /// carry (null: none). Left alone when the annotation neither adds nor removes a comment.
    /// </summary>
    private static string? EditComments(WorksheetPart sheetPart, XlsxAnnotationPlan plan, Dictionary<string, XlsxPackageCopier.PartRewriter> rewriters)
    {
        var existingDrawing = plan.Survey.LegacyDrawingId is { } id && sheetPart.TryGetPartById(id, out var p) ? p as VmlDrawingPart : null;
        var added = plan.Cells.OrderBy(c => c.Key.Row).ThenBy(c => c.Key.Column)
            .Take(AnnotatedWorkbookWriter.MaxCellComments)
            .Select(c => new XlsxNewComment(c.Key.Row, c.Key.Column, c.Value.Select(XlsxFindingText.CommentLine).ToList()))
            .ToList();
        if (plan.SummaryCell is { } summary)
        {
            added.Insert(0, new XlsxNewComment(summary.Row, summary.Column, [XlsxFindingText.TooManyComments(plan.Cells.Count, added.Count, added[^1].Row)]));
        }

        if (added.Count == 0 && plan.Comments.Removed == 0)
        {
            return plan.Survey.LegacyDrawingId;
        }

        var kept = plan.Comments.Kept;
        var preserved = plan.Drawing?.Preserved ?? [];
        if (kept.Count + added.Count == 0)
        {
            if (sheetPart.WorksheetCommentsPart is { } oldComments)
            {
                sheetPart.DeletePart(oldComments);
            }

            if (preserved.Count == 0)
            {
                if (existingDrawing is not null)
                {
                    sheetPart.DeletePart(existingDrawing);
                }

                return null;
            }
        }
        else
        {
            var commentsPart = sheetPart.WorksheetCommentsPart ?? sheetPart.AddNewPart<WorksheetCommentsPart>();
            commentsPart.Comments ??= new Comments();
            var authors = plan.Comments.Authors;
            rewriters[XlsxPackageCopier.EntryName(commentsPart.Uri)] = (_, target) =>
                XlsxCommentsWriter.WriteComments(target, authors, kept.Select(k => k.Comment), added);
        }

        var drawing = existingDrawing ?? AddDrawing(sheetPart);
        var keptBlocks = preserved.Count > 0 ? plan.Drawing!.Blocks : [];
        var firstBlock = plan.OtherBlocks.Concat(keptBlocks).DefaultIfEmpty(0).Max() + 1;
        var notes = kept.Select(k => (k.Row, k.Column, k.Comment.Value.Length))
            .Concat(added.Select(a => (a.Row, a.Column, a.Lines.Sum(l => l.Length + 10))))
            .ToList();
        rewriters[XlsxPackageCopier.EntryName(drawing.Uri)] = (_, target) =>
            XlsxCommentsWriter.WriteDrawing(target, firstBlock, keptBlocks, preserved, notes);
        return sheetPart.GetIdOfPart(drawing);
    }

    private static VmlDrawingPart AddDrawing(WorksheetPart sheetPart)
    {
        var drawing = sheetPart.AddNewPart<VmlDrawingPart>();
        using var placeholder = new MemoryStream(Encoding.UTF8.GetBytes("<xml/>"));
        drawing.FeedData(placeholder);
        return drawing;
    }

    /// <summary>Removes every 错误清单 sheet of an earlier annotation, keeping sheet-scoped names and views pointing at the right sheets.</summary>
    private static void RemoveErrorsSheets(WorkbookPart workbookPart)
    {
        var workbook = workbookPart.Workbook;
        var sheets = workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var removed = false;
        for (var i = sheets.Count - 1; i >= 0; i--)
        {
            if (sheets[i].Name?.Value != RosterTemplate.ErrorsSheetName)
            {
                continue;
            }

            if (sheets[i].Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part))
            {
                workbookPart.DeletePart(part);
            }

            sheets[i].Remove();
            removed = true;
            ShiftSheetIndexes(workbook, (uint)i);
        }

        // The calculation chain may name cells of the removed sheet; Excel rebuilds a missing chain silently.
        if (removed && workbookPart.CalculationChainPart is { } chain)
        {
            workbookPart.DeletePart(chain);
        }
    }

    private static void ShiftSheetIndexes(Workbook workbook, uint removed)
    {
        foreach (var name in workbook.DefinedNames?.Elements<DefinedName>().ToList() ?? [])
        {
            if (name.LocalSheetId?.Value == removed)
            {
                name.Remove();
            }
            else if (name.LocalSheetId?.Value > removed)
            {
                name.LocalSheetId = name.LocalSheetId.Value - 1;
            }
        }

        foreach (var view in workbook.BookViews?.Elements<WorkbookView>() ?? [])
        {
            if (view.ActiveTab?.Value is { } active && active >= removed)
            {
                view.ActiveTab = active == removed ? 0 : active - 1;
            }

            if (view.FirstSheet?.Value is { } first && first >= removed)
            {
                view.FirstSheet = first == removed ? 0 : first - 1;
            }
        }
    }
}
