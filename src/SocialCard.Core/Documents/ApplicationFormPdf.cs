using System.Globalization;
using PdfSharp.Drawing;
using SocialCard.Core.Documents.Fonts;
using SocialCard.Core.Persons;
using static SocialCard.Core.Documents.PdfDrawing;

namespace SocialCard.Core.Documents;

/// <summary>
/// Writes 社会保障卡申领表: one portrait A4 page per person (a batch or a selection in one PDF). The photo fills a
/// 26 × 32 mm box; card-face, contact and unit data in a ruled grid; the person's declaration with signature and date
/// lines; a box for the ID card copy; the unit's seal area. Full ID numbers: the person signs their own data.
/// </summary>
public static class ApplicationFormPdf
{
    public const string Title = "社会保障卡申领表";

    private const double Size = 10.5;
    private static readonly double Left = Mm(20);
    private static readonly double Width = Mm(170);
    private static readonly double Label = Mm(28);
    private static readonly double Row = Mm(10);

    public static void Write(Stream output, IEnumerable<ApplicationForm> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        using var document = NewDocument(Title);
        var text = new TextRuns(DocumentFonts.Chain);
        var images = new List<XImage>();
        try
        {
            foreach (var form in forms)
            {
                var page = AddA4(document);
                using var gfx = XGraphics.FromPdfPage(page);
                DrawPage(gfx, text, form, images);
            }

            if (document.PageCount == 0)
            {
                throw new ArgumentException("No forms to print.", nameof(forms));
            }

            Save(document, output);
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    private static void DrawPage(XGraphics gfx, TextRuns text, ApplicationForm form, List<XImage> images)
    {
        var titleSize = 20.0;
        text.Draw(gfx, Title, titleSize, (Mm(210) - text.Measure(gfx, Title, titleSize, bold: true)) / 2, Mm(27), bold: true);

        var top = Mm(34);
        var value = (Mm(134) - (2 * Label)) / 2;
        var wide = (Width - (2 * Label)) / 2;
        var date = form.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Pair(gfx, text, top, value, "姓名", form.Name, "性别", form.Sex?.ToChinese());
        Pair(gfx, text, top + Row, value, "民族", form.Ethnicity, "出生日期", date);
        Single(gfx, text, top + (2 * Row), Mm(134), "公民身份号码", form.IdNumber);
        Pair(gfx, text, top + (3 * Row), value, "人员类别", form.Category, "个人编号", form.PersonalNumber);
        Pair(gfx, text, top + (4 * Row), wide, "联系电话", form.Phone, "邮政编码", form.Postcode);
        Single(gfx, text, top + (5 * Row), Width, "常住地址", form.Address);
        Single(gfx, text, top + (6 * Row), Width, "单位名称", form.UnitName);
        Pair(gfx, text, top + (7 * Row), wide, "单位编号", form.UnitNumber, "单位联系人", form.UnitContact);
        DrawPhoto(gfx, text, form.Photo, new XRect(Left + Mm(134), top, Mm(36), 4 * Row), images);

        var declaration = top + (8 * Row) + Mm(9);
        text.Draw(gfx, "本人承诺以上信息真实、准确，照片为本人近期正面免冠彩色照片。", Size, Left, declaration);
        var sign = declaration + Mm(12);
        var w = text.Draw(gfx, "本人签字：", Size, Left, sign);
        Blank(gfx, Left + w, sign + 2, Mm(50));
        var dateLeft = Left + Mm(100);
        w = text.Draw(gfx, "日期：", Size, dateLeft, sign);
        text.Draw(gfx, "　　　　年　　月　　日", Size, dateLeft + w, sign);

        // The ID card copy: a box with two card-sized (85.6 × 54 mm, reduced to fit) dashed outlines.
        var copyTop = sign + Mm(8);
        var copy = new XRect(Left, copyTop, Width, Mm(70));
        gfx.DrawRectangle(Thin, copy);
        text.DrawInBox(gfx, "居民身份证复印件粘贴处（正、反面）", Size, new XRect(Left, copyTop, Width, Mm(8)), XStringAlignment.Center);
        var card = new XSize(Mm(80), Mm(50.5));
        gfx.DrawRectangle(Dashed, Left + Mm(3), copyTop + Mm(10), card.Width, card.Height);
        gfx.DrawRectangle(Dashed, Left + Width - Mm(3) - card.Width, copyTop + Mm(10), card.Width, card.Height);

        // The unit's seal area.
        var sealTop = copy.Bottom + Mm(6);
        var seal = new XRect(Left, sealTop, Width, Mm(297 - 20) - sealTop);
        gfx.DrawRectangle(Thin, seal);
        text.Draw(gfx, "单位意见（盖章）：", Size, Left + Mm(3), sealTop + Mm(7));
        var bottom = seal.Bottom - Mm(5);
        w = text.Draw(gfx, "经办人：", Size, Left + Mm(3), bottom);
        Blank(gfx, Left + Mm(3) + w, bottom + 2, Mm(40));
        w = text.Draw(gfx, "日期：", Size, dateLeft, bottom);
        text.Draw(gfx, "　　　　年　　月　　日", Size, dateLeft + w, bottom);
    }

    private static void Pair(XGraphics gfx, TextRuns text, double y, double valueWidth, string label1, string? value1, string label2, string? value2)
    {
        var x = Left;
        Cell(gfx, text, new XRect(x, y, Label, Row), label1, Size, XStringAlignment.Center);
        Cell(gfx, text, new XRect(x += Label, y, valueWidth, Row), value1, Size);
        Cell(gfx, text, new XRect(x += valueWidth, y, Label, Row), label2, Size, XStringAlignment.Center);
        Cell(gfx, text, new XRect(x + Label, y, valueWidth, Row), value2, Size);
    }

    private static void Single(XGraphics gfx, TextRuns text, double y, double width, string label, string? value)
    {
        Cell(gfx, text, new XRect(Left, y, Label, Row), label, Size, XStringAlignment.Center);
        Cell(gfx, text, new XRect(Left + Label, y, width - Label, Row), value, Size);
    }

    private static void DrawPhoto(XGraphics gfx, TextRuns text, byte[]? jpeg, XRect cell, List<XImage> images)
    {
        gfx.DrawRectangle(Thin, cell);
        var photo = new XRect(cell.X + ((cell.Width - Mm(26)) / 2), cell.Y + ((cell.Height - Mm(32)) / 2), Mm(26), Mm(32));
        if (jpeg is null)
        {
            gfx.DrawRectangle(Dashed, photo);
            text.DrawInBox(gfx, "照片", Size, photo, XStringAlignment.Center);
            text.DrawInBox(gfx, "26×32 mm", 7, new XRect(photo.X, photo.Y + Mm(18), photo.Width, Mm(5)), XStringAlignment.Center);
            return;
        }

        var image = XImage.FromStream(new MemoryStream(jpeg, writable: false));
        images.Add(image);
        gfx.DrawImage(image, photo);
    }
}
