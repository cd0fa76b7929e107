using PdfSharp.Drawing;
using SocialCard.Core.Documents.Fonts;
using static SocialCard.Core.Documents.PdfDrawing;

namespace SocialCard.Core.Documents;

/// <summary>
/// Writes 个人信息确认表, one portrait A4 page per person: each item as registered with ✓ (correct) / × (wrong) / 无
/// (not applicable) boxes and a blank for the correct value (items the registry confirmed come ticked, with "---"); the ID numbers, both with a box to tick the valid one
/// when a legacy 15-digit number exists; the signature and date.
/// </summary>
public static class ConfirmationFormPdf
{
    public const string Title = "个人信息确认表";

    private const double Size = 10.5;
    private static readonly double Left = Mm(20);
    private static readonly double Row = Mm(9);
    private static readonly double[] Widths = [Mm(30), Mm(60), Mm(12), Mm(12), Mm(12), Mm(44)];

    public static void Write(Stream output, IEnumerable<ConfirmationForm> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        using var document = NewDocument(Title);
        var text = new TextRuns(DocumentFonts.Chain);
        foreach (var form in forms)
        {
            var page = AddA4(document);
            using var gfx = XGraphics.FromPdfPage(page);
            DrawPage(gfx, text, form);
        }

        if (document.PageCount == 0)
        {
            throw new ArgumentException("No forms to print.", nameof(forms));
        }

        Save(document, output);
    }

    private static void DrawPage(XGraphics gfx, TextRuns text, ConfirmationForm form)
    {
        text.Draw(gfx, Title, 20, (Mm(210) - text.Measure(gfx, Title, 20, bold: true)) / 2, Mm(27), bold: true);
        var y = Mm(38);
        var contact = form.UnitContact is null ? null : "单位联系人：" + form.UnitContact;
        var contactWidth = contact is null ? 0 : Math.Min(Mm(75), text.Measure(gfx, contact, Size) + Mm(1));
        text.DrawInBox(gfx, "姓名：" + form.Name + "　　单位：" + form.UnitName, Size, new XRect(Left, y - Mm(5), Mm(170) - contactWidth, Mm(6)), padding: 0);
        text.DrawInBox(gfx, contact, Size, new XRect(Left + Mm(170) - contactWidth, y - Mm(5), contactWidth, Mm(6)), XStringAlignment.Far, padding: 0);
        y += Mm(7);
        text.Draw(gfx, "请逐项核对：正确的在“✓”栏打勾；有误的在“×”栏打勾，并在“正确信息”栏填写；", 9, Left, y);
        text.Draw(gfx, "本人没有此项信息的在“无”栏打勾。已打“✓”并标“---”的项目经身份信息库比对一致，无需填写。", 9, Left, y + Mm(5));
        y += Mm(9);

        string[] headers = ["项目", "登记信息", "✓", "×", "无", "正确信息"];
        var x = Left;
        for (var c = 0; c < headers.Length; c++)
        {
            // UMing's × is a small Latin sign: print it larger so the column reads as clearly as ✓.
            Cell(gfx, text, new XRect(x, y, Widths[c], Row), headers[c], c == 3 ? 18 : Size, XStringAlignment.Center, bold: c is 0 or 1 or 5);
            x += Widths[c];
        }

        y += Row;
        foreach (var item in form.Items)
        {
            x = Left;
            Cell(gfx, text, new XRect(x, y, Widths[0], Row), item.Label, Size, XStringAlignment.Center);
            Cell(gfx, text, new XRect(x += Widths[0], y, Widths[1], Row), item.RegisteredValue, Size);
            for (var c = 2; c <= 4; c++)
            {
                var box = new XRect(x += Widths[c - 1], y, Widths[c], Row);
                gfx.DrawRectangle(Thin, box);
                TickBox(gfx, box, Mm(4));
                if (c == 2 && item.MatchedRegistry)
                {
                    text.DrawInBox(gfx, "✓", 12, box, XStringAlignment.Center, bold: true, padding: 0);
                }
            }

            var correct = new XRect(x + Widths[4], y, Widths[5], Row);
            gfx.DrawRectangle(Thin, correct);
            if (item.MatchedRegistry)
            {
                text.DrawInBox(gfx, "---", Size, correct, XStringAlignment.Center, padding: 3);
            }

            y += Row;
        }

        y += Mm(10);
        if (!string.IsNullOrEmpty(form.IdNumber15))
        {
            text.Draw(gfx, "公民身份号码（本人有新旧两个号码，请在有效的号码后打“✓”）：", Size, Left, y);
            y += Mm(3);
            IdLine(gfx, text, y, "18 位号码", form.IdNumber18);
            IdLine(gfx, text, y + Row, "15 位号码", form.IdNumber15);
            y += 2 * Row;
        }
        else
        {
            text.Draw(gfx, "公民身份号码：", Size, Left, y);
            y += Mm(3);
            Cell(gfx, text, new XRect(Left, y, Widths[0], Row), "18 位号码", Size, XStringAlignment.Center);
            Cell(gfx, text, new XRect(Left + Widths[0], y, Widths[1] + Widths[2], Row), form.IdNumber18, Size);
            y += Row;
        }

        y += Mm(16);
        text.Draw(gfx, "本人确认以上核对结果真实、准确。", Size, Left, y);
        y += Mm(14);
        var w = text.Draw(gfx, "本人签字：", Size, Left, y);
        Blank(gfx, Left + w, y + 2, Mm(50));
        w = text.Draw(gfx, "日期：", Size, Left + Mm(100), y);
        text.Draw(gfx, "　　　　年　　月　　日", Size, Left + Mm(100) + w, y);
    }

    private static void IdLine(XGraphics gfx, TextRuns text, double y, string label, string? value)
    {
        Cell(gfx, text, new XRect(Left, y, Widths[0], Row), label, Size, XStringAlignment.Center);
        Cell(gfx, text, new XRect(Left + Widths[0], y, Widths[1], Row), value, Size);
        var box = new XRect(Left + Widths[0] + Widths[1], y, Widths[2], Row);
        gfx.DrawRectangle(Thin, box);
        TickBox(gfx, box, Mm(4));
    }
}
