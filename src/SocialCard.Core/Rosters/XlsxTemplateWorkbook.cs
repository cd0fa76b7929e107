using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.VariantTypes;
using SocialCard.Core.Persons;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Builds the template workbook: the SDK creates every part in memory (all small, the data sheet as a
/// placeholder), then <see cref="XlsxPackageCopier"/> streams the package out and writes the data sheet
/// with <see cref="XlsxDataSheetWriter"/> on the way.
/// </summary>
internal static class XlsxTemplateWorkbook
{
    public const string VersionPropertyName = "SocialCardTemplate";

    // The FMTID every custom document property uses (PIDSI user-defined property set).
    private const string CustomPropertyFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    public static void Write(Stream output, IEnumerable<XlsxDataRow> rows, XlsxTemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var skeleton = new MemoryStream();
        string dataSheet;
        using (var document = SpreadsheetDocument.Create(skeleton, SpreadsheetDocumentType.Workbook))
        {
            dataSheet = Build(document, options);
        }

        skeleton.Position = 0;
        XlsxPackageCopier.Copy(skeleton, output, new Dictionary<string, XlsxPackageCopier.PartRewriter>
        {
            [dataSheet] = (_, target) => XlsxDataSheetWriter.Write(target, rows, options),
        });
    }

    /// <summary>Creates all parts; returns the zip entry name of the (placeholder) data sheet.</summary>
    private static string Build(SpreadsheetDocument document, XlsxTemplateOptions options)
    {
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxTemplateStyles.Create();

        var data = workbookPart.AddNewPart<WorksheetPart>();
        data.Worksheet = new Worksheet(new SheetData());
        var instructions = workbookPart.AddNewPart<WorksheetPart>();
        instructions.Worksheet = InstructionsSheet(options.AddressMaxLength);
        var lists = workbookPart.AddNewPart<WorksheetPart>();
        lists.Worksheet = ListsSheet(options.Categories);

        var names = new DefinedNames(
            new DefinedName($"'{RosterTemplate.ListsSheetName}'!$B$2:$B${Ethnicities.All.Count + 1}") { Name = XlsxDataValidations.EthnicityListName });
        if (options.Categories.Count > 0)
        {
            names.Append(new DefinedName($"'{RosterTemplate.ListsSheetName}'!$C$2:$C${options.Categories.Count + 1}") { Name = XlsxDataValidations.CategoryListName });
        }

        // Printing repeats the header row on every page.
        names.Append(new DefinedName($"'{RosterTemplate.DataSheetName}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 });

        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0, FirstSheet = 0 }),
            new Sheets(
                new Sheet { Name = RosterTemplate.DataSheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(data) },
                new Sheet { Name = RosterTemplate.InstructionsSheetName, SheetId = 2, Id = workbookPart.GetIdOfPart(instructions) },
                new Sheet { Name = RosterTemplate.ListsSheetName, SheetId = 3, Id = workbookPart.GetIdOfPart(lists), State = SheetStateValues.Hidden }),
            names);

        document.AddCustomFilePropertiesPart().Properties = new Properties(
            new CustomDocumentProperty(new VTLPWSTR(RosterTemplate.Version)) { FormatId = CustomPropertyFormatId, PropertyId = 2, Name = VersionPropertyName });
        document.PackageProperties.Title = "社保卡信息采集人员名单";
        document.PackageProperties.Creator = "SocialCard";
        return XlsxPackageCopier.EntryName(data.Uri);
    }

    private static Worksheet InstructionsSheet(int addressMaxLength)
    {
        const double Width = 110;
        var rows = new SheetData(new Row(InlineCell("A1", XlsxTemplateText.InstructionsTitle, XlsxTemplateStyles.Title)) { RowIndex = 1, Height = 24, CustomHeight = true });
        var r = 2u;
        foreach (var paragraph in XlsxTemplateText.Instructions(addressMaxLength))
        {
            // Viewers do not re-measure wrapped rows on opening, so give each paragraph the height it needs
            // (about 55 Chinese characters per line at this width in 宋体).
            var lines = Math.Max(1, (int)Math.Ceiling(paragraph.Length / 55.0));
            rows.Append(new Row(InlineCell(XlsxCellRef.Ref((int)r, 0), paragraph, XlsxTemplateStyles.Paragraph)) { RowIndex = r, Height = (lines * 16) + 6, CustomHeight = true });
            r++;
        }

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(new Column { Min = 1, Max = 1, Width = Width, CustomWidth = true }),
            rows,
            new PageMargins { Left = 0.6, Right = 0.6, Top = 0.7, Bottom = 0.7, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
    }

    /// <summary>代码表: A1 = the template version; B = ethnicities ("01 汉族"), C = person categories, D = sexes.</summary>
    private static Worksheet ListsSheet(IReadOnlyList<string> categories)
    {
        var columns = new List<IReadOnlyList<string>>
        {
            new[] { RosterTemplate.Version },
            Ethnicities.All.Select(e => $"{e.Code} {e.Name}").Prepend("民族").ToList(),
            categories.Prepend("人员类别").ToList(),
            new[] { "性别", "男", "女" },
        };
        var rows = new SheetData();
        for (var r = 0; r < columns.Max(c => c.Count); r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < columns.Count; c++)
            {
                if (r < columns[c].Count)
                {
                    row.Append(InlineCell(XlsxCellRef.Ref(r + 1, c), columns[c][r], XlsxTemplateStyles.Text));
                }
            }

            rows.Append(row);
        }

        return new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true },
                new Column { Min = 2, Max = 3, Width = 22, CustomWidth = true }),
            rows);
    }

    private static Cell InlineCell(string reference, string text, uint style) =>
        new(new InlineString(XlsxDataSheetWriter.TextElement(text))) { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString };
}
