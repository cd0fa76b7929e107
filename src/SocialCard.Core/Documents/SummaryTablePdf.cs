using System.Globalization;
using PdfSharp.Drawing;
using SocialCard.Core.Documents.Fonts;
using SocialCard.Core.Persons;
using static SocialCard.Core.Documents.PdfDrawing;

namespace SocialCard.Core.Documents;

/// <summary>
/// Writes the 社保卡信息采集汇总表 on landscape A4: on every page the title, unit (with room for the seal), unit number,
/// category, total, date, the unit's contact person and phone, batch, QR code and digest, the repeated column headers, then the rows; at the foot the
/// page's count, the running and grand totals and "第 x 页 / 共 y 页".
/// </summary>
public static class SummaryTablePdf
{
    public const string Title = "社保卡信息采集汇总表";

    private const double FontSize = 9;
    private static readonly double Margin = Mm(12);
    private static readonly double HeaderHeight = Mm(7);
    private static readonly double RowHeight = Mm(5.6);
    private static readonly double QrSize = Mm(24);

    private static readonly (string Header, double Width, XStringAlignment Align)[] Columns =
    [
        ("序号", Mm(11), XStringAlignment.Center),
        ("姓名", Mm(30), XStringAlignment.Near),
        ("公民身份号码", Mm(44), XStringAlignment.Center),
        ("性别", Mm(10), XStringAlignment.Center),
        ("出生日期", Mm(23), XStringAlignment.Center),
        ("民族", Mm(17), XStringAlignment.Center),
        ("联系电话", Mm(32), XStringAlignment.Center),
        ("常住地址", Mm(297 - 24 - 167), XStringAlignment.Near),
    ];

    /// <summary>Rows that fit on one page.</summary>
    public static int RowsPerPage => (int)((Mm(210) - Margin - Mm(9) - TableTop - HeaderHeight) / RowHeight);

    private static double TableTop => Margin + QrSize + Mm(6);

    public static void Write(Stream output, SummaryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var document = NewDocument(Title);
        var text = new TextRuns(DocumentFonts.Chain);
        var total = table.Rows.Count;
        var pages = Math.Max(1, (total + RowsPerPage - 1) / RowsPerPage);
        for (var p = 0; p < pages; p++)
        {
            var page = AddA4(document, landscape: true);
            using var gfx = XGraphics.FromPdfPage(page);
            DrawHeader(gfx, text, table, page.Width.Point);
            var first = p * RowsPerPage;
            var count = Math.Min(RowsPerPage, total - first);
            DrawTable(gfx, text, table.Rows, first, count);
            var foot = page.Height.Point - Margin;
            text.Draw(gfx, $"本页 {count} 人　累计 {first + count} 人　合计 {total} 人", FontSize, Margin, foot);
            var pageText = $"第 {p + 1} 页 / 共 {pages} 页";
            text.Draw(gfx, pageText, FontSize, page.Width.Point - Margin - text.Measure(gfx, pageText, FontSize), foot);
        }

        Save(document, output);
    }

    private static void DrawHeader(XGraphics gfx, TextRuns text, SummaryTable table, double pageWidth)
    {
        var titleSize = 16.0;
        var titleWidth = text.Measure(gfx, Title, titleSize, bold: true);
        text.Draw(gfx, Title, titleSize, (pageWidth - titleWidth) / 2, Margin + Mm(6), bold: true);

        var qrLeft = pageWidth - Margin - QrSize;
        QrCodeDrawing.Draw(gfx, table.QrPayload, qrLeft, Margin - Mm(2), QrSize);
        var digest = "校验码 " + BatchDigest.Format(table.Digest);
        var digestSize = 7.0;
        text.Draw(gfx, digest, digestSize, pageWidth - Margin - text.Measure(gfx, digest, digestSize), Margin + QrSize + Mm(0.5));

        // Unit name, then a blank stretch as wide as a seal (about 42 mm) before the QR code.
        var line1 = Margin + Mm(14);
        var width = text.Draw(gfx, "单位名称（盖章）：", 10, Margin, line1);
        text.DrawInBox(gfx, table.UnitName, 10, new XRect(Margin + width, line1 - Mm(4), qrLeft - Margin - width - Mm(48), Mm(5.5)), padding: 0);

        var line2 = Margin + Mm(21);
        var items = string.Join("　　",
            "单位编号：" + table.UnitNumber,
            "人员类别：" + table.Category,
            "总人数：" + table.Rows.Count.ToString(CultureInfo.InvariantCulture) + " 人",
            "打印日期：" + table.PrintedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "联系人：" + table.ContactPerson,
            "联系电话：" + table.ContactPhone);
        text.DrawInBox(gfx, items, 10, new XRect(Margin, line2 - Mm(4), qrLeft - Margin - Mm(4), Mm(5.5)), padding: 0);
        text.DrawInBox(gfx, "批次：" + table.BatchTitle, 10, new XRect(Margin, line2 + Mm(2), qrLeft - Margin - Mm(4), Mm(5.5)), padding: 0);
    }

    private static void DrawTable(XGraphics gfx, TextRuns text, IReadOnlyList<SummaryRow> rows, int first, int count)
    {
        var x = Margin;
        foreach (var (header, width, _) in Columns)
        {
            Cell(gfx, text, new XRect(x, TableTop, width, HeaderHeight), header, FontSize, XStringAlignment.Center, bold: true);
            x += width;
        }

        var y = TableTop + HeaderHeight;
        for (var i = 0; i < count; i++)
        {
            var row = rows[first + i];
            x = Margin;
            var c = 0;
            foreach (var value in Values(first + i + 1, row))
            {
                var (_, width, align) = Columns[c++];
                Cell(gfx, text, new XRect(x, y, width, RowHeight), value, FontSize, align);
                x += width;
            }

            y += RowHeight;
        }
    }

    private static IEnumerable<string?> Values(int number, SummaryRow row)
    {
        yield return number.ToString(CultureInfo.InvariantCulture);
        yield return row.Name;
        yield return row.IdNumber;
        yield return row.Sex?.ToChinese();
        yield return row.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return row.Ethnicity;
        yield return row.Phone;
        yield return row.Address;
    }
}
